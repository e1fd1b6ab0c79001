using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder volume, shaped for PowerCLI habits: CapacityGB, and the server and device it is attached to
    /// as Get-HardDisk shows a disk's VM and file.</summary>
    public sealed class Volume : OSResource
    {
        public static readonly ResourceDefinition<Volume> Definition = new ResourceDefinition<Volume>
        {
            Kind = "volume",
            ServiceType = ServiceTypes.BlockStorage,
            Path = "/volumes",
            ListPath = "/volumes/detail",
            Key = "volume",
            CollectionKey = "volumes",
            Paging = PagingStyle.Links,
            Json = BlockStorageJson.Default.Volume,
            Microversion = BlockStorageClient.WantedMicroversion,
            MinimumMicroversion = BlockStorageClient.BaseMicroversion,
            TypeName = "OpenStackOrchestrator.Volume",
            Filters = new Dictionary<string, string>
            {
                ["Status"] = "status",
            },
        };

        private IReadOnlyList<VolumeAttachment>? _attachments;

        /// <summary>Cinder's status: creating, available, in-use, extending, deleting, error...</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "unknown"; } = "unknown";
        [JsonPropertyName("size")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int SizeGB { get; init; }
        /// <summary>SizeGB under the name PowerCLI's hard disks use.</summary>
        [DerivedFrom("size")]
        public int CapacityGB => SizeGB;
        /// <summary>The volume type's name.</summary>
        [JsonPropertyName("volume_type")]
        public string? VolumeType { get; init; }
        /// <summary>VolumeType under the table's Type heading, so Select-Object and Where-Object see what the table shows.</summary>
        [DerivedFrom("volume_type")]
        public string? Type => VolumeType;
        [JsonPropertyName("volume_type_id")]
        public string? VolumeTypeId { get; init; }
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; init; }
        /// <summary>Cinder sends bootable as the string "true"/"false".</summary>
        [JsonPropertyName("bootable")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool Bootable { get; init; }
        /// <summary>Servers attach it read-only (Cinder keeps the flag in the metadata key "readonly").</summary>
        [DerivedFrom("metadata")]
        public bool ReadOnly => Metadata.TryGetValue("readonly", out var flag) && string.Equals(flag, "True", StringComparison.OrdinalIgnoreCase);
        [JsonPropertyName("encrypted")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool Encrypted { get; init; }
        [JsonPropertyName("multiattach")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool Multiattach { get; init; }
        [JsonPropertyName("attachments")]
        [JsonInclude]
        internal IReadOnlyList<VolumeAttachment>? AttachmentsRead { get; init; }
        /// <summary>The servers it is attached to (Cinder lists an attachment still being made without a server).</summary>
        [DerivedFrom("attachments")]
        public IReadOnlyList<VolumeAttachment> Attachments => _attachments ??=
            (AttachmentsRead ?? Array.Empty<VolumeAttachment>()).Where(a => a != null && a.ServerId.Length > 0).ToList();
        /// <summary>The server of the first attachment (a volume is attached to one server unless it is multiattach).</summary>
        [DerivedFrom("attachments")]
        public string? ServerId => Attachments.FirstOrDefault()?.ServerId;
        /// <summary>That server's name, when the cmdlet that returned the volume looked it up.</summary>
        [DerivedFrom("attachments")]
        public string? ServerName => Attachments.FirstOrDefault()?.ServerName;
        /// <summary>The table's Server column: the first attachment's server by name, or by id when its name is not known.</summary>
        [DerivedFrom("attachments")]
        public string? Server => ServerName ?? ServerId;
        /// <summary>The device of the first attachment inside its server, e.g. /dev/vdb.</summary>
        [DerivedFrom("attachments")]
        public string? Device => Attachments.FirstOrDefault()?.Device;
        [DerivedFrom("attachments")]
        public bool IsAttached => Attachments.Count > 0;
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("metadata")]
        [JsonConverter(typeof(TextMapConverter))]
        public IReadOnlyDictionary<string, string> Metadata { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }
        /// <summary>The snapshot the volume was made from.</summary>
        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; init; }
        /// <summary>The volume this one was cloned from.</summary>
        [JsonPropertyName("source_volid")]
        public string? SourceVolumeId { get; init; }
        [JsonPropertyName("volume_image_metadata")]
        [JsonInclude]
        [JsonConverter(typeof(TextMapConverter))]
        internal IReadOnlyDictionary<string, string> ImageMetadata { get; init => field = value ?? TextMapConverter.Empty(); } = TextMapConverter.Empty();
        /// <summary>The Glance image the volume was made from.</summary>
        [DerivedFrom("volume_image_metadata")]
        public string? ImageId => ImageMetadata.TryGetValue("image_id", out var id) ? id : null;
        [DerivedFrom("volume_image_metadata")]
        public string? ImageName => ImageMetadata.TryGetValue("image_name", out var name) ? name : null;
        [JsonPropertyName("os-vol-tenant-attr:tenant_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }

        public bool IsAttachedTo(string serverId) => Attachments.Any(a => string.Equals(a.ServerId, serverId, StringComparison.OrdinalIgnoreCase));
    }
}
