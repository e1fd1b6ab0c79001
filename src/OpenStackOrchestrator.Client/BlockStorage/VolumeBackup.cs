using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder backup of a volume (cinder-backup copies the volume's data into its backup store: a full
    /// backup, or an incremental one holding what changed since the volume's last backup).</summary>
    [TableView("Name", "Status", "SizeGB", "IsIncremental", "VolumeId", "Created", "Id")]
    public sealed class VolumeBackup : OSResource
    {
        public static readonly ResourceDefinition<VolumeBackup> Definition = new ResourceDefinition<VolumeBackup>
        {
            Kind = "volume backup",
            ServiceType = ServiceTypes.BlockStorage,
            Path = "/backups",
            ListPath = "/backups/detail",
            Key = "backup",
            CollectionKey = "backups",
            Paging = PagingStyle.Links,
            Json = VolumeBackupJson.Default.VolumeBackup,
            Microversion = BlockStorageClient.WantedMicroversion,
            MinimumMicroversion = BlockStorageClient.BaseMicroversion,
            TypeName = "OpenStackOrchestrator.VolumeBackup",
            Filters = new Dictionary<string, string>
            {
                ["Status"] = "status",
                ["VolumeId"] = "volume_id",
            },
            ParentFilters = new Dictionary<Type, string> { [typeof(Volume)] = "VolumeId" },
        };

        /// <summary>creating, available, deleting, restoring, error, error_deleting...</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? "unknown"; } = "unknown";
        [JsonPropertyName("size")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int SizeGB { get; init; }
        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init => field = value ?? ""; } = "";
        /// <summary>The snapshot the backup was taken from (null: from the volume itself).</summary>
        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("is_incremental")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool IsIncremental { get; init; }
        /// <summary>Incremental backups build on this one: it cannot be deleted before them.</summary>
        [JsonPropertyName("has_dependent_backups")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool HasDependentBackups { get; init; }
        [JsonPropertyName("availability_zone")]
        public string? AvailabilityZone { get; init; }
        /// <summary>Where in the backup store the data is (the posix driver's directory, a Swift container...).</summary>
        [JsonPropertyName("container")]
        public string? Container { get; init; }
        [JsonPropertyName("object_count")]
        public int? ObjectCount { get; init; }
        /// <summary>Why cinder-backup failed the backup (status error).</summary>
        [JsonPropertyName("fail_reason")]
        public string? FailReason { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_at")]
        public DateTime? Updated { get; init; }
        /// <summary>The time of the data backed up (the snapshot's, for a backup of a snapshot).</summary>
        [JsonPropertyName("data_timestamp")]
        public DateTime? DataTimestamp { get; init; }
        [JsonPropertyName("os-backup-project-attr:project_id")]
        public string? ProjectId { get; init; }
    }

    /// <summary>What POST /backups takes.</summary>
    public sealed class BackupCreateRequest
    {
        [JsonPropertyName("volume_id")]
        public string VolumeId { get; init; } = "";
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("incremental")]
        public bool? Incremental { get; init; }
        [JsonPropertyName("force")]
        public bool? Force { get; init; }
        [JsonPropertyName("snapshot_id")]
        public string? SnapshotId { get; init; }
    }

    /// <summary>What POST /backups/{id}/restore takes: a volume to overwrite, or a name for a new one.</summary>
    public sealed class BackupRestoreRequest
    {
        [JsonPropertyName("volume_id")]
        public string? VolumeId { get; init; }
        [JsonPropertyName("name")]
        public string? Name { get; init; }
    }

    /// <summary>Cinder's answer to a restore.</summary>
    public sealed class BackupRestore
    {
        [JsonPropertyName("backup_id")]
        public string? BackupId { get; init; }
        [JsonPropertyName("volume_id")]
        public string? VolumeId { get; init; }
        [JsonPropertyName("volume_name")]
        public string? VolumeName { get; init; }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(VolumeBackup))]
    [JsonSerializable(typeof(BackupCreateRequest))]
    [JsonSerializable(typeof(BackupRestoreRequest))]
    [JsonSerializable(typeof(BackupRestore))]
    internal sealed partial class VolumeBackupJson : JsonSerializerContext
    {
    }
}
