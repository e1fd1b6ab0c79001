using System;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Where a volume is attached: the server, and the device it appears as inside it.</summary>
    public sealed class VolumeAttachment
    {
        [JsonPropertyName("server_id")]
        public string ServerId { get; init => field = value ?? ""; } = "";
        /// <summary>Filled by the cmdlets that look servers up (Cinder knows only the id).</summary>
        [JsonIgnore]
        public string? ServerName { get; internal set; }
        [JsonPropertyName("device")]
        public string? Device { get; init; }
        [JsonPropertyName("attachment_id")]
        public string? AttachmentId { get; init; }
        [JsonPropertyName("host_name")]
        public string? HostName { get; init; }
        [JsonPropertyName("attached_at")]
        public DateTime? AttachedAt { get; init; }

        public override string ToString() => $"{ServerName ?? ServerId}:{Device}";
    }
}
