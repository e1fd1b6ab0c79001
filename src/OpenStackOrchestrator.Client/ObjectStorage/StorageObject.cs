using System;
using System.Collections.Generic;
using System.Globalization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>An object in a Swift container, or a pseudo-folder of a listing with a delimiter (IsFolder).
    /// User metadata is only known when the object was read one at a time: listings do not carry it.</summary>
    [TableView("Name", "SizeBytes", "LastModified", "ContentType")]
    public sealed class StorageObject
    {
        internal StorageObject(string container, string name, CloudConnection cloud)
        {
            Container = container;
            Name = name;
            Metadata = new Dictionary<string, string>();
            Cloud = cloud;
        }

        /// <summary>An entry of a container listing: an object, or {"subdir": "a/"} when a delimiter was given.</summary>
        internal static StorageObject FromListing(ObjectListing item, string container, CloudConnection cloud)
        {
            if (item.Subdir != null)
                return new StorageObject(container, item.Subdir, cloud) { IsFolder = true, IsCommonPrefix = true };
            var name = item.Name ?? "";
            return new StorageObject(container, name, cloud)
            {
                SizeBytes = item.Bytes,
                Hash = Unquote(item.SloEtag ?? item.Hash),
                ContentType = item.ContentType,
                LastModified = item.LastModified,
                IsLargeObject = item.SloEtag != null,
                IsStaticLargeObject = item.SloEtag != null,
                IsFolder = item.Bytes == 0 && name.EndsWith("/", StringComparison.Ordinal),
            };
        }

        /// <summary>An object read with HEAD (or the headers of a GET).</summary>
        internal static StorageObject FromHeaders(string container, string name, IReadOnlyDictionary<string, string> headers, CloudConnection cloud)
        {
            headers.TryGetValue("Content-Length", out var length);
            headers.TryGetValue("Content-Type", out var type);
            headers.TryGetValue("Last-Modified", out var modified);
            headers.TryGetValue("ETag", out var etag);
            var isStatic = headers.TryGetValue("X-Static-Large-Object", out var slo) && string.Equals(slo, "true", StringComparison.OrdinalIgnoreCase);
            var size = long.TryParse(length, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            return new StorageObject(container, name, cloud)
            {
                SizeBytes = size,
                Hash = Unquote(etag),
                ContentType = type,
                LastModified = HttpDates.Parse(modified),
                IsStaticLargeObject = isStatic,
                IsLargeObject = isStatic || headers.ContainsKey("X-Object-Manifest"),
                IsFolder = size == 0 && name.EndsWith("/", StringComparison.Ordinal),
                Metadata = SwiftMetadata.Read(headers, SwiftMetadata.ObjectPrefix),
            };
        }

        internal static string? Unquote(string? etag) => etag?.Trim().Trim('"');

        public string Name { get; }
        public string Container { get; }
        public long SizeBytes { get; internal set; }
        public double SizeMB => Math.Round(SizeBytes / 1048576.0, 2);
        /// <summary>Swift's ETag: the MD5 of the content, or for a large object the MD5 of its segments' MD5s.</summary>
        public string? Hash { get; internal set; }
        public string? ContentType { get; internal set; }
        public DateTime? LastModified { get; internal set; }
        /// <summary>A pseudo-folder: a common prefix of a listing with -Delimiter, or a zero-byte object named "x/".</summary>
        public bool IsFolder { get; internal set; }
        /// <summary>Stored in segments (a static or dynamic large object).</summary>
        public bool IsLargeObject { get; internal set; }
        internal bool IsStaticLargeObject { get; set; }
        /// <summary>A listing's rolled-up prefix ({"subdir": ...}): not an object that can be read or deleted.</summary>
        internal bool IsCommonPrefix { get; private set; }
        public IReadOnlyDictionary<string, string> Metadata { get; internal set; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
