using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A wanted fixed IP: a subnet, an address, or both (Neutron picks what is left out).</summary>
    public sealed class FixedIPRequest
    {
        public string? SubnetId { get; set; }
        public string? IPAddress { get; set; }

        internal Dictionary<string, string> ToFields()
        {
            var fields = new Dictionary<string, string>();
            if (SubnetId != null) fields["subnet_id"] = SubnetId;
            if (IPAddress != null) fields["ip_address"] = IPAddress;
            return fields;
        }
    }

    /// <summary>What New-OSPort sends to POST /v2.0/ports.</summary>
    public sealed class PortCreateRequest
    {
        public string? Name { get; set; }
        public string NetworkId { get; set; } = "";
        public string? Description { get; set; }
        public string? MacAddress { get; set; }
        /// <summary>Empty: Neutron allocates an address on a subnet of the network.</summary>
        public IList<FixedIPRequest> FixedIPs { get; } = new List<FixedIPRequest>();
        /// <summary>Null: the project's default group; empty: no group.</summary>
        public IList<string>? SecurityGroupIds { get; set; }
        public IList<AllowedAddressPair>? AllowedAddressPairs { get; set; }
        public bool? PortSecurityEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?> { ["network_id"] = NetworkId };
            if (Name != null) fields["name"] = Name;
            if (Description != null) fields["description"] = Description;
            if (MacAddress != null) fields["mac_address"] = MacAddress;
            if (FixedIPs.Count > 0) fields["fixed_ips"] = FixedIPs.Select(f => f.ToFields()).ToArray();
            PortUpdate.AddLists(fields, SecurityGroupIds, AllowedAddressPairs);
            if (PortSecurityEnabled.HasValue) fields["port_security_enabled"] = PortSecurityEnabled.Value;
            return fields;
        }
    }

    /// <summary>The changes Set-OSPort sends to PUT /v2.0/ports/{id}; null fields stay, lists are replaced whole.</summary>
    public sealed class PortUpdate
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public IList<FixedIPRequest>? FixedIPs { get; set; }
        public IList<string>? SecurityGroupIds { get; set; }
        public IList<AllowedAddressPair>? AllowedAddressPairs { get; set; }
        public bool? PortSecurityEnabled { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?>();
            if (Name != null) fields["name"] = Name;
            if (Description != null) fields["description"] = Description;
            if (FixedIPs != null) fields["fixed_ips"] = FixedIPs.Select(f => f.ToFields()).ToArray();
            AddLists(fields, SecurityGroupIds, AllowedAddressPairs);
            if (PortSecurityEnabled.HasValue) fields["port_security_enabled"] = PortSecurityEnabled.Value;
            return fields;
        }

        internal static void AddLists(Dictionary<string, object?> fields, IList<string>? securityGroups, IList<AllowedAddressPair>? pairs)
        {
            if (securityGroups != null) fields["security_groups"] = securityGroups.ToArray();
            if (pairs != null)
                fields["allowed_address_pairs"] = pairs.Select(p => p.MacAddress == null
                    ? new Dictionary<string, string> { ["ip_address"] = p.IPAddress }
                    : new Dictionary<string, string> { ["ip_address"] = p.IPAddress, ["mac_address"] = p.MacAddress }).ToArray();
        }
    }
}
