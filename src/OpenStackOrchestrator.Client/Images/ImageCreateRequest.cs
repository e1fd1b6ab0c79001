using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>The record POST /v2/images creates (status queued, no data yet).</summary>
    public sealed class ImageCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        /// <summary>raw, qcow2, vmdk, vhd, vhdx, vdi, iso, ploop, ami, ari, aki.</summary>
        [JsonPropertyName("disk_format")]
        public string? DiskFormat { get; set; }
        [JsonPropertyName("container_format")]
        public string ContainerFormat { get; set; } = "bare";
        /// <summary>public, private, shared or community; Glance's default (shared) when null.</summary>
        [JsonPropertyName("visibility")]
        public string? Visibility { get; set; }
        [JsonIgnore]
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>Custom properties (Glance keeps them as strings beside the standard fields).</summary>
        [JsonIgnore]
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        [JsonPropertyName("min_disk")]
        public int? MinDiskGB { get; set; }
        [JsonPropertyName("min_ram")]
        public int? MinMemoryMB { get; set; }

        [JsonPropertyName("tags")]
        [JsonInclude]
        internal IList<string>? TagsSent => Tags.Count > 0 ? Tags : null;

        /// <summary>The custom properties beside the standard fields; a standard field given both ways keeps its
        /// standard value.</summary>
        [JsonExtensionData]
        [JsonInclude]
        internal IDictionary<string, object>? PropertiesSent
        {
            get
            {
                var sent = StandardFieldsSent();
                var custom = Properties.Where(p => !sent.Contains(p.Key)).ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
                return custom.Count > 0 ? custom : null;
            }
        }

        private HashSet<string> StandardFieldsSent()
        {
            var sent = new HashSet<string>(StringComparer.Ordinal) { "name", "container_format" };
            if (DiskFormat != null) sent.Add("disk_format");
            if (Visibility != null) sent.Add("visibility");
            if (TagsSent != null) sent.Add("tags");
            if (MinDiskGB.HasValue) sent.Add("min_disk");
            if (MinMemoryMB.HasValue) sent.Add("min_ram");
            return sent;
        }
    }
}
