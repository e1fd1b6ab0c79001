using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>The record POST /v2/images creates (status queued, no data yet).</summary>
    public sealed class ImageCreateRequest
    {
        public string Name { get; set; } = "";
        /// <summary>raw, qcow2, vmdk, vhd, vhdx, vdi, iso, ploop, ami, ari, aki.</summary>
        public string? DiskFormat { get; set; }
        public string ContainerFormat { get; set; } = "bare";
        /// <summary>public, private, shared or community; Glance's default (shared) when null.</summary>
        public string? Visibility { get; set; }
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>Custom properties (Glance keeps them as strings beside the standard fields).</summary>
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public int? MinDiskGB { get; set; }
        public int? MinMemoryMB { get; set; }

        internal string ToJson()
        {
            var body = new Dictionary<string, object>(StringComparer.Ordinal);
            // Custom properties first: a standard field given both ways keeps its standard value.
            foreach (var property in Properties)
                body[property.Key] = property.Value;
            body["name"] = Name;
            body["container_format"] = ContainerFormat;
            if (DiskFormat != null) body["disk_format"] = DiskFormat;
            if (Visibility != null) body["visibility"] = Visibility;
            if (Tags.Count > 0) body["tags"] = Tags;
            if (MinDiskGB.HasValue) body["min_disk"] = MinDiskGB.Value;
            if (MinMemoryMB.HasValue) body["min_ram"] = MinMemoryMB.Value;
            return JsonSerializer.Serialize(body);
        }
    }
}
