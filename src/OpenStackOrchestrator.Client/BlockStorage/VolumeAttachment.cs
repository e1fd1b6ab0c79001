using System;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Where a volume is attached: the server, and the device it appears as inside it.</summary>
    public sealed class VolumeAttachment
    {
        internal VolumeAttachment(JsonElement json)
        {
            ServerId = json.Str("server_id") ?? "";
            Device = json.Str("device");
            AttachmentId = json.Str("attachment_id");
            HostName = json.Str("host_name");
            AttachedAt = json.Time("attached_at");
        }

        public string ServerId { get; }
        /// <summary>Filled by the cmdlets that look servers up (Cinder knows only the id).</summary>
        public string? ServerName { get; internal set; }
        public string? Device { get; }
        public string? AttachmentId { get; }
        public string? HostName { get; }
        public DateTime? AttachedAt { get; }

        public override string ToString() => $"{ServerName ?? ServerId}:{Device}";
    }
}
