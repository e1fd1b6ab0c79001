using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder volume, shaped for PowerCLI habits: CapacityGB, and the server and device it is attached to
    /// as Get-HardDisk shows a disk's VM and file.</summary>
    public sealed class Volume
    {
        internal Volume(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "unknown";
            SizeGB = (int)(json.Long("size") ?? 0);
            VolumeType = json.Str("volume_type");
            VolumeTypeId = json.Str("volume_type_id");
            AvailabilityZone = json.Str("availability_zone");
            // Cinder sends bootable as the string "true"/"false".
            Bootable = json.Bool("bootable") ?? string.Equals(json.Str("bootable"), "true", StringComparison.OrdinalIgnoreCase);
            Encrypted = json.Bool("encrypted") ?? false;
            Multiattach = json.Bool("multiattach") ?? false;
            Attachments = ParseAttachments(json);
            Description = json.Str("description");
            Metadata = json.StringMap("metadata");
            Created = json.Time("created_at");
            Updated = json.Time("updated_at");
            SnapshotId = json.Str("snapshot_id");
            SourceVolumeId = json.Str("source_volid");
            var image = json.Obj("volume_image_metadata");
            ImageId = image.Str("image_id");
            ImageName = image.Str("image_name");
            ProjectId = json.Str("os-vol-tenant-attr:tenant_id");
            UserId = json.Str("user_id");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        /// <summary>Cinder's status: creating, available, in-use, extending, deleting, error...</summary>
        public string Status { get; }
        public int SizeGB { get; }
        /// <summary>SizeGB under the name PowerCLI's hard disks use.</summary>
        public int CapacityGB => SizeGB;
        /// <summary>The volume type's name.</summary>
        public string? VolumeType { get; }
        /// <summary>VolumeType under the table's Type heading, so Select-Object and Where-Object see what the table shows.</summary>
        public string? Type => VolumeType;
        public string? VolumeTypeId { get; }
        public string? AvailabilityZone { get; }
        public bool Bootable { get; }
        public bool Encrypted { get; }
        public bool Multiattach { get; }
        public IReadOnlyList<VolumeAttachment> Attachments { get; }
        /// <summary>The server of the first attachment (a volume is attached to one server unless it is multiattach).</summary>
        public string? ServerId => Attachments.FirstOrDefault()?.ServerId;
        /// <summary>That server's name, when the cmdlet that returned the volume looked it up.</summary>
        public string? ServerName => Attachments.FirstOrDefault()?.ServerName;
        /// <summary>The table's Server column: the first attachment's server by name, or by id when its name is not known.</summary>
        public string? Server => ServerName ?? ServerId;
        /// <summary>The device of the first attachment inside its server, e.g. /dev/vdb.</summary>
        public string? Device => Attachments.FirstOrDefault()?.Device;
        public bool IsAttached => Attachments.Count > 0;
        public string? Description { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        /// <summary>The snapshot the volume was made from.</summary>
        public string? SnapshotId { get; }
        /// <summary>The volume this one was cloned from.</summary>
        public string? SourceVolumeId { get; }
        /// <summary>The Glance image the volume was made from.</summary>
        public string? ImageId { get; }
        public string? ImageName { get; }
        public string? ProjectId { get; }
        public string? UserId { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public bool IsAttachedTo(string serverId) => Attachments.Any(a => string.Equals(a.ServerId, serverId, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Name.Length > 0 ? Name : Id;

        private static IReadOnlyList<VolumeAttachment> ParseAttachments(JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("attachments", out var list) || list.ValueKind != JsonValueKind.Array)
                return Array.Empty<VolumeAttachment>();
            return list.EnumerateArray().Where(a => a.Str("server_id") != null).Select(a => new VolumeAttachment(a)).ToList();
        }
    }
}
