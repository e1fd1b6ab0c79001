using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A compute availability zone. <see cref="Hosts"/> is only known to callers allowed to read the
    /// zone details (admins by default); it is null otherwise.</summary>
    public sealed class AvailabilityZone
    {
        internal AvailabilityZone(JsonElement json, CloudConnection cloud)
        {
            Name = json.Str("zoneName") ?? "";
            Available = json.Obj("zoneState").Bool("available") ?? false;
            var hosts = json.Obj("hosts");
            Hosts = hosts.ValueKind == JsonValueKind.Object ? hosts.EnumerateObject().Select(h => h.Name).OrderBy(h => h).ToArray() : null;
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Name { get; }
        public bool Available { get; }
        public string[]? Hosts { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
