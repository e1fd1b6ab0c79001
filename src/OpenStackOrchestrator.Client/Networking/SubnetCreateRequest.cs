using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSSubnet sends to POST /v2.0/subnets.</summary>
    public sealed class SubnetCreateRequest
    {
        public string Name { get; set; } = "";
        public string NetworkId { get; set; } = "";
        public string Cidr { get; set; } = "";
        /// <summary>4 or 6.</summary>
        public int IPVersion { get; set; } = 4;
        /// <summary>Null: Neutron takes the first address of the range.</summary>
        public string? GatewayIP { get; set; }
        /// <summary>No gateway at all (gateway_ip null).</summary>
        public bool NoGateway { get; set; }
        public bool DhcpEnabled { get; set; } = true;
        public IList<string> DnsServers { get; } = new List<string>();
        /// <summary>(first, last) address pairs.</summary>
        public IList<(string Start, string End)> AllocationPools { get; } = new List<(string, string)>();
        public string? IPv6AddressMode { get; set; }
        public string? IPv6RAMode { get; set; }
        public string? Description { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?>
            {
                ["name"] = Name,
                ["network_id"] = NetworkId,
                ["cidr"] = Cidr,
                ["ip_version"] = IPVersion,
                ["enable_dhcp"] = DhcpEnabled,
            };
            if (NoGateway) fields["gateway_ip"] = null;
            else if (GatewayIP != null) fields["gateway_ip"] = GatewayIP;
            if (DnsServers.Count > 0) fields["dns_nameservers"] = DnsServers.ToArray();
            if (AllocationPools.Count > 0)
                fields["allocation_pools"] = AllocationPools.Select(p => new Dictionary<string, string> { ["start"] = p.Start, ["end"] = p.End }).ToArray();
            if (IPv6AddressMode != null) fields["ipv6_address_mode"] = IPv6AddressMode;
            if (IPv6RAMode != null) fields["ipv6_ra_mode"] = IPv6RAMode;
            if (Description != null) fields["description"] = Description;
            return fields;
        }
    }
}
