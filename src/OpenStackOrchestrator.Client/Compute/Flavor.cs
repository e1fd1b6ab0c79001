using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova flavor, with sizes in the units PowerCLI users read (GB).</summary>
    public sealed class Flavor : OSResource
    {
        public static readonly ResourceDefinition<Flavor> Definition = new ResourceDefinition<Flavor>
        {
            Kind = "flavor",
            ServiceType = ServiceTypes.Compute,
            Path = "/flavors",
            ListPath = "/flavors/detail",
            Key = "flavor",
            CollectionKey = "flavors",
            Paging = PagingStyle.Links,
            Json = ComputeJson.Default.Flavor,
            // Nova does not filter flavors by name.
            NameFilter = null,
            NameLookupFilters = new Dictionary<string, string> { ["IsPublic"] = "None" },
            Microversion = ComputeClient.FlavorMicroversion,
            MinimumMicroversion = "2.1",
            TypeName = "OpenStackOrchestrator.Flavor",
            Filters = new Dictionary<string, string>
            {
                ["MinMemoryMB"] = "minRam",
                ["MinDiskGB"] = "minDisk",
                ["IsPublic"] = "is_public",
            },
        };

        [JsonPropertyName("vcpus")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int VCpus { get; init; }
        [JsonPropertyName("ram")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long MemoryMB { get; init; }
        [DerivedFrom("ram")]
        public double MemoryGB => Math.Round(MemoryMB / 1024.0, 2);
        [JsonPropertyName("disk")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long DiskGB { get; init; }
        [JsonPropertyName("OS-FLV-EXT-DATA:ephemeral")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long EphemeralGB { get; init; }
        /// <summary>Nova below 2.75 sends "" for no swap.</summary>
        [JsonPropertyName("swap")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long SwapMB { get; init; }
        [JsonPropertyName("os-flavor-access:is_public")]
        [JsonInclude]
        internal bool? PublicFlag { get; init; }
        [DerivedFrom("os-flavor-access:is_public")]
        public bool IsPublic => PublicFlag ?? true;
        [JsonPropertyName("OS-FLV-DISABLED:disabled")]
        public bool IsDisabled { get; init; }
        /// <summary>Microversion 2.55 and later.</summary>
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>Microversion 2.61 and later.</summary>
        [JsonPropertyName("extra_specs")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> ExtraSpecs { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();

        public override string ToString() => Name;
    }
}
