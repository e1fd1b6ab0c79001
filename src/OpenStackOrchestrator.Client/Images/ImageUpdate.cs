using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Changes to an image, sent as one JSON patch (application/openstack-images-v2.1-json-patch). Only what
    /// differs from the image's current state becomes an operation, so a repeated update is a no-op.</summary>
    public sealed class ImageUpdate
    {
        public string? Name { get; set; }
        public string? Visibility { get; set; }
        /// <summary>Glance accepts these only while the image has no data (queued).</summary>
        public string? DiskFormat { get; set; }
        public string? ContainerFormat { get; set; }
        public int? MinDiskGB { get; set; }
        public int? MinMemoryMB { get; set; }
        public IList<string> AddTags { get; } = new List<string>();
        public IList<string> RemoveTags { get; } = new List<string>();
        public IDictionary<string, string> SetProperties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        public IList<string> RemoveProperties { get; } = new List<string>();

        internal List<Dictionary<string, object>> PatchFor(Image current)
        {
            var ops = new List<Dictionary<string, object>>();
            ReplaceIfChanged(ops, "name", current.Name, Name);
            ReplaceIfChanged(ops, "visibility", current.Visibility, Visibility);
            ReplaceIfChanged(ops, "disk_format", current.DiskFormat, DiskFormat);
            ReplaceIfChanged(ops, "container_format", current.ContainerFormat, ContainerFormat);
            if (MinDiskGB.HasValue && MinDiskGB.Value != current.MinDiskGB)
                ops.Add(Op("replace", "min_disk", MinDiskGB.Value));
            if (MinMemoryMB.HasValue && MinMemoryMB.Value != current.MinMemoryMB)
                ops.Add(Op("replace", "min_ram", MinMemoryMB.Value));

            var tags = current.Tags.Concat(AddTags).Where(t => !RemoveTags.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            if (!tags.OrderBy(t => t, StringComparer.Ordinal).SequenceEqual(current.Tags.OrderBy(t => t, StringComparer.Ordinal), StringComparer.Ordinal))
                ops.Add(Op("replace", "tags", tags));

            foreach (var property in SetProperties)
            {
                var exists = current.Properties.TryGetValue(property.Key, out var value);
                if (!exists || !string.Equals(value, property.Value, StringComparison.Ordinal))
                    ops.Add(Op(exists ? "replace" : "add", property.Key, property.Value));
            }
            foreach (var key in RemoveProperties.Distinct(StringComparer.Ordinal))
                if (current.Properties.ContainsKey(key) && !SetProperties.ContainsKey(key))
                    ops.Add(Op("remove", key, null));
            return ops;
        }

        private static void ReplaceIfChanged(List<Dictionary<string, object>> ops, string field, string? current, string? wanted)
        {
            if (wanted != null && !string.Equals(current, wanted, StringComparison.Ordinal))
                ops.Add(Op("replace", field, wanted));
        }

        private static Dictionary<string, object> Op(string op, string field, object? value)
        {
            var operation = new Dictionary<string, object> { ["op"] = op, ["path"] = "/" + field.Replace("~", "~0").Replace("/", "~1") };
            if (value != null)
                operation["value"] = value;
            return operation;
        }
    }
}
