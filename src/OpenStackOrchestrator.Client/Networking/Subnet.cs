using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron subnet: an address range of a network, with its gateway and DHCP settings.</summary>
    [TableView("Name", "Cidr", "GatewayIP", "DhcpEnabled", "NetworkId", "Id")]
    public sealed class Subnet : OSResource
    {
        public static readonly ResourceDefinition<Subnet> Definition = new ResourceDefinition<Subnet>
        {
            Kind = "subnet",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/subnets",
            Key = "subnet",
            CollectionKey = "subnets",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.Subnet,
            SupportsFields = true,
            TypeName = "OpenStackOrchestrator.Subnet",
            Tagging = TagSupport.Neutron,
            Filters = new Dictionary<string, string>
            {
                ["NetworkId"] = "network_id",
            },
            ParentFilters = new Dictionary<Type, string>
            {
                [typeof(Network)] = "NetworkId",
            },
        };

        [JsonPropertyName("network_id")]
        public string NetworkId { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("cidr")]
        public string Cidr { get; init => field = value ?? ""; } = "";
        [DerivedFrom("ip_version")]
        public int IPVersion => IPVersionSent ?? 4;
        [JsonPropertyName("ip_version")]
        [JsonInclude]
        internal int? IPVersionSent { get; init; }
        /// <summary>Null when the subnet has no gateway.</summary>
        [JsonPropertyName("gateway_ip")]
        public string? GatewayIP { get; init; }
        [JsonPropertyName("enable_dhcp")]
        public bool DhcpEnabled { get; init; }
        [JsonPropertyName("dns_nameservers")]
        public IReadOnlyList<string> DnsServers { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("allocation_pools")]
        [JsonInclude]
        internal IReadOnlyList<AllocationPool>? Pools { get; init; }
        /// <summary>"first-last" per pool, as New-OSSubnet -AllocationPool takes them.</summary>
        [DerivedFrom("allocation_pools")]
        public IReadOnlyList<string> AllocationPools => (Pools ?? Array.Empty<AllocationPool>()).Select(p => p.ToString()).ToList();
        [JsonPropertyName("host_routes")]
        [JsonInclude]
        internal IReadOnlyList<HostRoute>? Routes { get; init; }
        /// <summary>"destination=nexthop" per route.</summary>
        [DerivedFrom("host_routes")]
        public IReadOnlyList<string> HostRoutes => HostRoute.Texts(Routes);
        /// <summary>IPv6 only: slaac, dhcpv6-stateful or dhcpv6-stateless.</summary>
        [JsonPropertyName("ipv6_address_mode")]
        public string? IPv6AddressMode { get; init; }
        [JsonPropertyName("ipv6_ra_mode")]
        public string? IPv6RAMode { get; init; }
        [JsonPropertyName("subnetpool_id")]
        public string? SubnetPoolId { get; init; }
        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }

        public override string ToString() => Name.Length > 0 ? Name : Cidr;

        /// <summary>The objects of a JSON list (Nova's os-interface answers are read with it).</summary>
        internal static IEnumerable<JsonElement> Objects(JsonElement json, string name)
        {
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object)
                        yield return item;
        }
    }

    /// <summary>A range of a subnet that Neutron allocates addresses from.</summary>
    internal sealed class AllocationPool
    {
        [JsonConstructor]
        public AllocationPool(string start, string end)
        {
            Start = start ?? "";
            End = end ?? "";
        }

        [JsonPropertyName("start")]
        public string Start { get; }
        [JsonPropertyName("end")]
        public string End { get; }
        public override string ToString() => $"{Start}-{End}";
    }

    /// <summary>A static route: a subnet's host route, or a router's extra route.</summary>
    internal sealed class HostRoute
    {
        [JsonConstructor]
        public HostRoute(string destination, string nexthop)
        {
            Destination = destination ?? "";
            NextHop = nexthop ?? "";
        }

        [JsonPropertyName("destination")]
        public string Destination { get; }
        [JsonPropertyName("nexthop")]
        public string NextHop { get; }
        public override string ToString() => $"{Destination}={NextHop}";

        internal static IReadOnlyList<string> Texts(IReadOnlyList<HostRoute>? routes) =>
            (routes ?? Array.Empty<HostRoute>()).Select(r => r.ToString()).ToList();
    }
}
