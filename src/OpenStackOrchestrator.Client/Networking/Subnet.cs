using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron subnet: an address range of a network, with its gateway and DHCP settings.</summary>
    public sealed class Subnet
    {
        internal Subnet(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            NetworkId = json.Str("network_id") ?? "";
            Cidr = json.Str("cidr") ?? "";
            IPVersion = (int)(json.Long("ip_version") ?? 4);
            GatewayIP = json.Str("gateway_ip");
            DhcpEnabled = json.Bool("enable_dhcp") ?? false;
            DnsServers = json.StringList("dns_nameservers");
            AllocationPools = Objects(json, "allocation_pools").Select(p => $"{p.Str("start")}-{p.Str("end")}").ToList();
            HostRoutes = Objects(json, "host_routes").Select(r => $"{r.Str("destination")}={r.Str("nexthop")}").ToList();
            IPv6AddressMode = json.Str("ipv6_address_mode");
            IPv6RAMode = json.Str("ipv6_ra_mode");
            SubnetPoolId = json.Str("subnetpool_id");
            Description = json.Str("description");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string NetworkId { get; }
        public string Cidr { get; }
        public int IPVersion { get; }
        /// <summary>Null when the subnet has no gateway.</summary>
        public string? GatewayIP { get; }
        public bool DhcpEnabled { get; }
        public IReadOnlyList<string> DnsServers { get; }
        /// <summary>"first-last" per pool, as New-OSSubnet -AllocationPool takes them.</summary>
        public IReadOnlyList<string> AllocationPools { get; }
        /// <summary>"destination=nexthop" per route.</summary>
        public IReadOnlyList<string> HostRoutes { get; }
        /// <summary>IPv6 only: slaac, dhcpv6-stateful or dhcpv6-stateless.</summary>
        public string? IPv6AddressMode { get; }
        public string? IPv6RAMode { get; }
        public string? SubnetPoolId { get; }
        public string? Description { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Name.Length > 0 ? Name : Cidr;

        internal static IEnumerable<JsonElement> Objects(JsonElement json, string name)
        {
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object)
                        yield return item;
        }
    }
}
