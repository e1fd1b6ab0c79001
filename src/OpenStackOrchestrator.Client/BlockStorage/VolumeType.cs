using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder volume type: the class of storage a volume is created on (the nearest thing to a datastore).</summary>
    [TableView("Name", "IsPublic", "Description")]
    public sealed class VolumeType : OSResource
    {
        public static readonly ResourceDefinition<VolumeType> Definition = new ResourceDefinition<VolumeType>
        {
            Kind = "volume type",
            ServiceType = ServiceTypes.BlockStorage,
            Path = "/types",
            Key = "volume_type",
            CollectionKey = "volume_types",
            Paging = PagingStyle.Links,
            Json = BlockStorageJson.Default.VolumeType,
            // Cinder does not filter types by name.
            NameFilter = null,
            Microversion = BlockStorageClient.WantedMicroversion,
            MinimumMicroversion = BlockStorageClient.BaseMicroversion,
            TypeName = "OpenStackOrchestrator.VolumeType",
            Filters = new System.Collections.Generic.Dictionary<string, string> { ["IsPublic"] = "is_public" },
            // An admin resolves private types by name too (Cinder lists only public ones without is_public=None; other
            // users get the public ones and those open to their project either way).
            NameLookupFilters = new System.Collections.Generic.Dictionary<string, string> { ["IsPublic"] = "None" },
        };

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("is_public")]
        [JsonInclude]
        internal bool? PublicFlag { get; init; }
        [JsonPropertyName("os-volume-type-access:is_public")]
        [JsonInclude]
        internal bool? AccessPublicFlag { get; init; }
        [DerivedFrom("is_public", "os-volume-type-access:is_public")]
        public bool IsPublic => PublicFlag ?? AccessPublicFlag ?? true;
        /// <summary>Back-end properties; Cinder shows them to administrators only.</summary>
        [JsonPropertyName("extra_specs")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> ExtraSpecs { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();

        public override string ToString() => Name;
    }
}
