using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder snapshot of one volume (not a server snapshot: Nova's are images, see New-OSImage -Server).</summary>
    public sealed class VolumeSnapshot
    {
        internal VolumeSnapshot(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "unknown";
            SizeGB = (int)(json.Long("size") ?? 0);
            VolumeId = json.Str("volume_id") ?? "";
            Description = json.Str("description");
            Metadata = json.StringMap("metadata");
            Progress = json.Str("os-extended-snapshot-attributes:progress");
            Created = json.Time("created_at");
            Updated = json.Time("updated_at");
            ProjectId = json.Str("os-extended-snapshot-attributes:project_id");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        /// <summary>creating, available, deleting, error, error_deleting...</summary>
        public string Status { get; }
        public int SizeGB { get; }
        public string VolumeId { get; }
        public string? Description { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        /// <summary>Cinder's progress text, e.g. "100%".</summary>
        public string? Progress { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        public string? ProjectId { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name.Length > 0 ? Name : Id;
    }
}
