using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>One segment of a static large object: "/container/name", its MD5 and its size.</summary>
    public sealed class SloSegment
    {
        public SloSegment(string path, string etag, long sizeBytes)
        {
            Path = path;
            Etag = etag;
            SizeBytes = sizeBytes;
        }

        public string Path { get; }
        public string Etag { get; }
        public long SizeBytes { get; }
        /// <summary>Only part of the segment is used, or the segment is itself a large object: the segment's MD5 then
        /// says nothing about the bytes it contributes.</summary>
        public bool IsPartial { get; private set; }

        /// <summary>An entry of GET ?multipart-manifest=get.</summary>
        internal static SloSegment FromManifest(JsonElement entry) =>
            new SloSegment(entry.Str("name") ?? "", entry.Str("hash") ?? "", entry.Long("bytes") ?? 0)
            {
                IsPartial = entry.Str("range") != null || entry.Bool("sub_slo") == true,
            };

        /// <summary>The container and object name of <see cref="Path"/>.</summary>
        internal (string Container, string Name) Location
        {
            get
            {
                var path = Path.TrimStart('/');
                var slash = path.IndexOf('/');
                return slash < 0 ? (path, "") : (path.Substring(0, slash), path.Substring(slash + 1));
            }
        }

        /// <summary>The body of PUT ?multipart-manifest=put.</summary>
        internal static byte[] ManifestJson(IEnumerable<SloSegment> segments)
        {
            using (var buffer = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartArray();
                    foreach (var segment in segments)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", segment.Path);
                        json.WriteString("etag", segment.Etag);
                        json.WriteNumber("size_bytes", segment.SizeBytes);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                return buffer.ToArray();
            }
        }
    }
}
