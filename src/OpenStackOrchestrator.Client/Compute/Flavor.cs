using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A Nova flavor, with sizes in the units PowerCLI users read (GB).</summary>
    public sealed class Flavor
    {
        internal Flavor(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            VCpus = (int)(json.Long("vcpus") ?? 0);
            MemoryMB = json.Long("ram") ?? 0;
            DiskGB = json.Long("disk") ?? 0;
            EphemeralGB = json.Long("OS-FLV-EXT-DATA:ephemeral") ?? 0;
            SwapMB = json.Long("swap") ?? 0;
            IsPublic = json.Bool("os-flavor-access:is_public") ?? true;
            IsDisabled = json.Bool("OS-FLV-DISABLED:disabled") ?? false;
            Description = json.Str("description");
            ExtraSpecs = json.StringMap("extra_specs");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public int VCpus { get; }
        public long MemoryMB { get; }
        public double MemoryGB => Math.Round(MemoryMB / 1024.0, 2);
        public long DiskGB { get; }
        public long EphemeralGB { get; }
        public long SwapMB { get; }
        public bool IsPublic { get; }
        public bool IsDisabled { get; }
        public string? Description { get; }
        public IReadOnlyDictionary<string, string> ExtraSpecs { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
