using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>A Glance v2 image. Glance puts custom properties beside the standard fields; they are gathered in
    /// <see cref="Properties"/>.</summary>
    [TableView("Name", "Status", "Visibility", "SizeMB", "DiskFormat", "Id")]
    public sealed class Image : OSResource
    {
        public static readonly ResourceDefinition<Image> Definition = new ResourceDefinition<Image>
        {
            Kind = "image",
            ServiceType = ServiceTypes.Image,
            Path = "/v2/images",
            Key = "image",
            Unwrapped = true,
            CollectionKey = "images",
            Paging = PagingStyle.Links,
            // Glance's default page is 25; its maximum keeps long lists to few round trips.
            DefaultPageSize = 1000,
            // Glance reads "x:y" in a filter as operator x, and "in:" takes a comma list of quoted names: a name with
            // ':' or ',' goes quoted, as the one element of an in: list. A '"' cannot be quoted: that name is matched here.
            NameFilterValue = name => name.IndexOf('"') >= 0 ? null : name.IndexOfAny(new[] { ':', ',' }) < 0 ? name : "in:\"" + name + "\"",
            Json = ImagesJson.Default.Image,
            TypeName = "OpenStackOrchestrator.Image",
            Filters = new Dictionary<string, string>
            {
                ["Visibility"] = "visibility",
                ["Status"] = "status",
                ["Owner"] = "owner",
                ["Tag"] = "tag",
            },
        };

        // Glance's own fields that no property models: not custom properties.
        private static readonly HashSet<string> UnmodelledStandardFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "virtual_size", "os_hidden", "self", "file", "schema", "locations", "direct_url", "stores",
        };

        private IReadOnlyDictionary<string, string>? _properties;

        /// <summary>Glance allows an image without a name (null).</summary>
        [JsonPropertyName("name")]
        public override string Name => base.Name ?? "";
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("visibility")]
        public string Visibility { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("size")]
        public long? SizeBytes { get; init; }
        [DerivedFrom("size")]
        public double? SizeMB => SizeBytes.HasValue ? Math.Round(SizeBytes.Value / 1048576.0, 2) : (double?)null;
        [JsonPropertyName("disk_format")]
        public string? DiskFormat { get; init; }
        [JsonPropertyName("container_format")]
        public string? ContainerFormat { get; init; }
        [JsonPropertyName("min_disk")]
        public long MinDiskGB { get; init; }
        [JsonPropertyName("min_ram")]
        public long MinMemoryMB { get; init; }
        [JsonPropertyName("checksum")]
        public string? Checksum { get; init; }
        [JsonPropertyName("os_hash_algo")]
        public string? HashAlgorithm { get; init; }
        [JsonPropertyName("os_hash_value")]
        public string? HashValue { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }
        [JsonPropertyName("tags")]
        public string[] Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("owner")]
        public string? Owner { get; init; }
        [JsonPropertyName("protected")]
        public bool IsProtected { get; init; }

        /// <summary>The custom properties, as text (a property that is not a JSON string keeps its JSON).</summary>
        [JsonIgnore]
        public IReadOnlyDictionary<string, string> Properties => _properties ??= (UnknownFields ?? new Dictionary<string, JsonElement>())
            .Where(p => !UnmodelledStandardFields.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase);
    }
}
