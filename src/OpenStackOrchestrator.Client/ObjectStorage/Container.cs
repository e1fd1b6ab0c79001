using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>A Swift container: its counts, its read and write ACLs and its user metadata. Read one at a time
    /// (HEAD) it has everything; from an account listing only the name, counts and date.</summary>
    [TableView("Name", "ObjectCount", "SizeMB", "IsPublic", "LastModified")]
    public sealed class Container
    {
        /// <summary>The read ACL that makes a container public: anyone may read its objects and list it.</summary>
        public const string PublicReadAcl = ".r:*,.rlistings";

        internal Container(string name, IReadOnlyDictionary<string, string> headers, CloudConnection cloud)
        {
            Name = name;
            ObjectCount = LongHeader(headers, "X-Container-Object-Count");
            SizeBytes = LongHeader(headers, "X-Container-Bytes-Used");
            ReadAcl = Header(headers, "X-Container-Read");
            WriteAcl = Header(headers, "X-Container-Write");
            StoragePolicy = Header(headers, "X-Storage-Policy");
            LastModified = HttpDates.Parse(Header(headers, "Last-Modified"));
            Created = HttpDates.FromSwiftTimestamp(Header(headers, "X-Timestamp"));
            Metadata = SwiftMetadata.Read(headers, SwiftMetadata.ContainerPrefix);
            HasTempUrlKey = headers.Keys.Any(k => k.StartsWith(SwiftMetadata.ContainerPrefix + "Temp-URL-Key", StringComparison.OrdinalIgnoreCase));
            Cloud = cloud;
        }

        internal Container(ContainerListing listed, CloudConnection cloud)
        {
            Name = listed.Name;
            ObjectCount = listed.Count;
            SizeBytes = listed.Bytes;
            LastModified = listed.LastModified;
            Metadata = new Dictionary<string, string>();
            Cloud = cloud;
        }

        /// <summary>The name is a container's identity: Id is the name, so containers pipe like other objects.</summary>
        public string Id => Name;
        public string Name { get; }
        public long ObjectCount { get; }
        public long SizeBytes { get; }
        public double SizeMB => Math.Round(SizeBytes / 1048576.0, 2);
        /// <summary>True when the read ACL lets anyone read the objects (.r:*).</summary>
        public bool IsPublic => AclEntries(ReadAcl).Contains(".r:*");
        public string? ReadAcl { get; }
        public string? WriteAcl { get; }
        public string? StoragePolicy { get; }
        public DateTime? Created { get; }
        public DateTime? LastModified { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>True when the container has a key for temporary URLs (the key itself is never shown).</summary>
        public bool HasTempUrlKey { get; }
        public CloudConnection Cloud { get; }

        internal static IReadOnlyList<string> AclEntries(string? acl) =>
            (acl ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();

        private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
            headers.TryGetValue(name, out var value) ? value : null;

        private static long LongHeader(IReadOnlyDictionary<string, string> headers, string name) =>
            long.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

        public override string ToString() => Name;
    }
}
