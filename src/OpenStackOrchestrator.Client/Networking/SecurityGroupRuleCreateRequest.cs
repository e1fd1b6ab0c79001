using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSSecurityGroupRule sends to POST /v2.0/security-group-rules.</summary>
    public sealed class SecurityGroupRuleCreateRequest
    {
        public string SecurityGroupId { get; set; } = "";
        /// <summary>ingress or egress.</summary>
        public string Direction { get; set; } = "ingress";
        /// <summary>IPv4 or IPv6.</summary>
        public string EtherType { get; set; } = "IPv4";
        /// <summary>tcp, udp, icmp...; null for every protocol.</summary>
        public string? Protocol { get; set; }
        public int? PortRangeMin { get; set; }
        public int? PortRangeMax { get; set; }
        public string? RemoteIPPrefix { get; set; }
        public string? RemoteGroupId { get; set; }
        public string? Description { get; set; }

        internal Dictionary<string, object?> ToFields()
        {
            var fields = new Dictionary<string, object?>
            {
                ["security_group_id"] = SecurityGroupId,
                ["direction"] = Direction,
                ["ethertype"] = EtherType,
            };
            if (Protocol != null) fields["protocol"] = Protocol;
            if (PortRangeMin.HasValue) fields["port_range_min"] = PortRangeMin.Value;
            if (PortRangeMax.HasValue) fields["port_range_max"] = PortRangeMax.Value;
            if (RemoteIPPrefix != null) fields["remote_ip_prefix"] = RemoteIPPrefix;
            if (RemoteGroupId != null) fields["remote_group_id"] = RemoteGroupId;
            if (Description != null) fields["description"] = Description;
            return fields;
        }
    }
}
