using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSSecurityGroupRule sends to POST /v2.0/security-group-rules.</summary>
    public sealed class SecurityGroupRuleCreateRequest
    {
        [JsonPropertyName("security_group_id")]
        public string SecurityGroupId { get; set; } = "";
        /// <summary>ingress or egress.</summary>
        [JsonPropertyName("direction")]
        public string Direction { get; set; } = "ingress";
        /// <summary>IPv4 or IPv6.</summary>
        [JsonPropertyName("ethertype")]
        public string EtherType { get; set; } = "IPv4";
        /// <summary>tcp, udp, icmp...; null for every protocol.</summary>
        [JsonPropertyName("protocol")]
        public string? Protocol { get; set; }
        [JsonPropertyName("port_range_min")]
        public int? PortRangeMin { get; set; }
        [JsonPropertyName("port_range_max")]
        public int? PortRangeMax { get; set; }
        [JsonPropertyName("remote_ip_prefix")]
        public string? RemoteIPPrefix { get; set; }
        [JsonPropertyName("remote_group_id")]
        public string? RemoteGroupId { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
    }

    /// <summary>What New-OSSecurityGroup sends to POST /v2.0/security-groups.</summary>
    internal sealed class SecurityGroupCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; set; }
    }
}
