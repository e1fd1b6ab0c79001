using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>A Glance v2 image. Glance puts custom properties beside the standard fields; they are gathered in
    /// <see cref="Properties"/>.</summary>
    public sealed class Image
    {
        private static readonly HashSet<string> StandardFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "id", "name", "status", "visibility", "size", "virtual_size", "disk_format", "container_format", "min_disk",
            "min_ram", "checksum", "os_hash_algo", "os_hash_value", "created_at", "updated_at", "tags", "owner",
            "protected", "os_hidden", "self", "file", "schema", "locations", "direct_url", "stores",
        };

        internal Image(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "";
            Visibility = json.Str("visibility") ?? "";
            SizeBytes = json.Long("size");
            DiskFormat = json.Str("disk_format");
            ContainerFormat = json.Str("container_format");
            MinDiskGB = json.Long("min_disk") ?? 0;
            MinMemoryMB = json.Long("min_ram") ?? 0;
            Checksum = json.Str("checksum");
            HashAlgorithm = json.Str("os_hash_algo");
            HashValue = json.Str("os_hash_value");
            Created = json.Time("created_at");
            Updated = json.Time("updated_at");
            Tags = json.StringList("tags").ToArray();
            Owner = json.Str("owner");
            IsProtected = json.Bool("protected") ?? false;
            Properties = json.ValueKind == JsonValueKind.Object
                ? json.EnumerateObject().Where(p => !StandardFields.Contains(p.Name))
                      .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>();
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string Status { get; }
        public string Visibility { get; }
        public long? SizeBytes { get; }
        public double? SizeMB => SizeBytes.HasValue ? Math.Round(SizeBytes.Value / 1048576.0, 2) : (double?)null;
        public string? DiskFormat { get; }
        public string? ContainerFormat { get; }
        public long MinDiskGB { get; }
        public long MinMemoryMB { get; }
        public string? Checksum { get; }
        public string? HashAlgorithm { get; }
        public string? HashValue { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        public string[] Tags { get; }
        public string? Owner { get; }
        public bool IsProtected { get; }
        public IReadOnlyDictionary<string, string> Properties { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
