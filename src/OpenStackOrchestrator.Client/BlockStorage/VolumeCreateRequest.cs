using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>The body of POST /volumes. At most one source: an image, a snapshot or another volume.</summary>
    public sealed class VolumeCreateRequest
    {
        public string? Name { get; set; }
        /// <summary>Required for an empty volume or one from an image; from a snapshot or volume it defaults to the source's size.</summary>
        public int? SizeGB { get; set; }
        public string? Description { get; set; }
        /// <summary>A volume type name or id.</summary>
        public string? VolumeType { get; set; }
        public string? AvailabilityZone { get; set; }
        public string? ImageId { get; set; }
        public string? SnapshotId { get; set; }
        public string? SourceVolumeId { get; set; }
        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
    }
}
