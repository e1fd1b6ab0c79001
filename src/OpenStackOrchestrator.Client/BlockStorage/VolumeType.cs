using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>A Cinder volume type: the class of storage a volume is created on (the nearest thing to a datastore).</summary>
    public sealed class VolumeType
    {
        internal VolumeType(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Description = json.Str("description");
            IsPublic = json.Bool("is_public") ?? json.Bool("os-volume-type-access:is_public") ?? true;
            ExtraSpecs = json.StringMap("extra_specs");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string? Description { get; }
        public bool IsPublic { get; }
        /// <summary>Back-end properties; Cinder shows them to administrators only.</summary>
        public IReadOnlyDictionary<string, string> ExtraSpecs { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
