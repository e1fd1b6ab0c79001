using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>The body of POST /volumes. At most one source: an image, a snapshot or another volume.</summary>
    public sealed class VolumeCreateRequest
    {
        /// <summary>Required for an empty volume or one from an image; from a snapshot or volume it defaults to the source's size.</summary>
        [JsonPropertyName("size")]
        public int? SizeGB { get; set; }
        [JsonPropertyName("name")]
        public string? Name { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        /// <summary>A volume type name or id.</summary>
        [JsonPropertyName("volume_type")]
        public string? VolumeType { get; set; }
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; set; }
        [JsonPropertyName("imageRef")]
        public string? ImageId { get; set; }
        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; set; }
        [JsonPropertyName("source_volid")]
        public string? SourceVolumeId { get; set; }
        [JsonIgnore]
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
        [JsonPropertyName("metadata")]
        [JsonInclude]
        internal IDictionary<string, string>? MetadataSent => Metadata.Count > 0 ? Metadata : null;
    }

    /// <summary>The changes PUT /volumes/{id} makes; null fields stay.</summary>
    internal sealed class VolumeUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
    }

    /// <summary>The body of POST /snapshots.</summary>
    internal sealed class SnapshotCreateRequest
    {
        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init; } = "";
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("metadata")]
        public IDictionary<string, string>? Metadata { get; init; }
        /// <summary>Snapshot an attached volume: true below microversion 3.66, not sent from then on.</summary>
        [JsonPropertyName("force")]
        public bool? Force { get; init; }
    }
}
