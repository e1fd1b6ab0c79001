using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A compute availability zone. <see cref="Hosts"/> is only known to callers allowed to read the
    /// zone details (admins by default); it is null otherwise.</summary>
    [TableView("Name", "Available", "Hosts")]
    public sealed class AvailabilityZone : OSResource
    {
        public static readonly ResourceDefinition<AvailabilityZone> Definition = Declare("/os-availability-zone");

        /// <summary>The zones with their hosts and services (admins by default policy).</summary>
        internal static readonly ResourceDefinition<AvailabilityZone> Detailed = Declare("/os-availability-zone/detail");

        private static ResourceDefinition<AvailabilityZone> Declare(string listPath) => new ResourceDefinition<AvailabilityZone>
        {
            Kind = "availability zone",
            ServiceType = ServiceTypes.Compute,
            Path = "/os-availability-zone",
            ListPath = listPath,
            Key = "availabilityZoneInfo",
            CollectionKey = "availabilityZoneInfo",
            Paging = PagingStyle.None,
            Json = ComputeJson.Default.AvailabilityZone,
            NameFilter = null,
            IdIsName = true,
            TypeName = "OpenStackOrchestrator.AvailabilityZone",
        };

        /// <summary>Zones are known by name.</summary>
        [JsonIgnore]
        [DerivedFrom("zoneName")]
        public override string Id => Name;
        [JsonIgnore]
        [DerivedFrom("zoneName")]
        public override string Name => ZoneName;
        [JsonPropertyName("zoneName")]
        [JsonInclude]
        internal string ZoneName { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("zoneState")]
        [JsonInclude]
        internal ZoneState? State { get; init; }
        [DerivedFrom("zoneState")]
        public bool Available => State?.Available ?? false;
        /// <summary>The zone's hosts by name (for administrators; null otherwise). Their services stay in ExtensionData
        /// ("hosts"), which this property does not model.</summary>
        [DerivedFrom("hosts")]
        public string[]? Hosts => UnknownFields != null && UnknownFields.TryGetValue("hosts", out var hosts) && hosts.ValueKind == JsonValueKind.Object
            ? hosts.EnumerateObject().Select(h => h.Name).OrderBy(h => h).ToArray()
            : null;

        public override string ToString() => Name;
    }

    internal sealed class ZoneState
    {
        [JsonPropertyName("available")]
        public bool? Available { get; init; }
    }
}
