using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder snapshot of one volume (not a server snapshot: Nova's are images, see New-OSImage -Server).</summary>
    public sealed class VolumeSnapshot : OSResource
    {
        public static readonly ResourceDefinition<VolumeSnapshot> Definition = new ResourceDefinition<VolumeSnapshot>
        {
            Kind = "volume snapshot",
            ServiceType = ServiceTypes.BlockStorage,
            Path = "/snapshots",
            ListPath = "/snapshots/detail",
            Key = "snapshot",
            CollectionKey = "snapshots",
            Paging = PagingStyle.Links,
            Json = BlockStorageJson.Default.VolumeSnapshot,
            Microversion = BlockStorageClient.WantedMicroversion,
            MinimumMicroversion = BlockStorageClient.BaseMicroversion,
            TypeName = "OpenStackOrchestrator.VolumeSnapshot",
            Filters = new Dictionary<string, string>
            {
                ["Status"] = "status",
                ["VolumeId"] = "volume_id",
            },
        };

        /// <summary>creating, available, deleting, error, error_deleting...</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "unknown"; } = "unknown";
        [JsonPropertyName("size")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int SizeGB { get; init; }
        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("metadata")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> Metadata { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();
        /// <summary>Cinder's progress text, e.g. "100%".</summary>
        [JsonPropertyName("os-extended-snapshot-attributes:progress")]
        public string? Progress { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }
        [JsonPropertyName("os-extended-snapshot-attributes:project_id")]
        public string? ProjectId { get; init; }
    }
}
