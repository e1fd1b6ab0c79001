using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

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

        internal List<ImagePatchOperation> PatchFor(Image current)
        {
            var ops = new List<ImagePatchOperation>();
            ReplaceIfChanged(ops, "name", current.Name, Name);
            ReplaceIfChanged(ops, "visibility", current.Visibility, Visibility);
            ReplaceIfChanged(ops, "disk_format", current.DiskFormat, DiskFormat);
            ReplaceIfChanged(ops, "container_format", current.ContainerFormat, ContainerFormat);
            if (MinDiskGB.HasValue && MinDiskGB.Value != current.MinDiskGB)
                ops.Add(ImagePatchOperation.Replace("min_disk", MinDiskGB.Value));
            if (MinMemoryMB.HasValue && MinMemoryMB.Value != current.MinMemoryMB)
                ops.Add(ImagePatchOperation.Replace("min_ram", MinMemoryMB.Value));

            var tags = current.Tags.Concat(AddTags).Where(t => !RemoveTags.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            if (!tags.OrderBy(t => t, StringComparer.Ordinal).SequenceEqual(current.Tags.OrderBy(t => t, StringComparer.Ordinal), StringComparer.Ordinal))
                ops.Add(ImagePatchOperation.Replace("tags", tags));

            foreach (var property in SetProperties)
            {
                var exists = current.Properties.TryGetValue(property.Key, out var value);
                if (!exists || !string.Equals(value, property.Value, StringComparison.Ordinal))
                    ops.Add(exists ? ImagePatchOperation.Replace(property.Key, property.Value) : ImagePatchOperation.Add(property.Key, property.Value));
            }
            foreach (var key in RemoveProperties.Distinct(StringComparer.Ordinal))
                if (current.Properties.ContainsKey(key) && !SetProperties.ContainsKey(key))
                    ops.Add(ImagePatchOperation.Remove(key));
            return ops;
        }

        private static void ReplaceIfChanged(List<ImagePatchOperation> ops, string field, string? current, string? wanted)
        {
            if (wanted != null && !string.Equals(current, wanted, StringComparison.Ordinal))
                ops.Add(ImagePatchOperation.Replace(field, wanted));
        }
    }

    /// <summary>One operation of a JSON patch (RFC 6902) on a top-level field of an image.</summary>
    internal sealed class ImagePatchOperation
    {
        private ImagePatchOperation(string op, string field, object? value)
        {
            Op = op;
            Path = "/" + field.Replace("~", "~0").Replace("/", "~1");
            Value = value;
        }

        [JsonPropertyName("op")]
        public string Op { get; }
        [JsonPropertyName("path")]
        public string Path { get; }
        /// <summary>Text, a number or a list of text (the types the image context can write); none for a remove.</summary>
        [JsonPropertyName("value")]
        public object? Value { get; }

        public static ImagePatchOperation Add(string field, string value) => new ImagePatchOperation("add", field, value);
        public static ImagePatchOperation Replace(string field, string value) => new ImagePatchOperation("replace", field, value);
        public static ImagePatchOperation Replace(string field, int value) => new ImagePatchOperation("replace", field, value);
        public static ImagePatchOperation Replace(string field, List<string> value) => new ImagePatchOperation("replace", field, value);
        public static ImagePatchOperation Remove(string field) => new ImagePatchOperation("remove", field, null);
    }
}
