using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A wanted fixed IP: a subnet, an address, or both (Neutron picks what is left out).</summary>
    public sealed class FixedIPRequest
    {
        [JsonPropertyName("subnet_id")]
        public string? SubnetId { get; set; }
        [JsonPropertyName("ip_address")]
        public string? IPAddress { get; set; }
    }

    /// <summary>What New-OSPort sends to POST /v2.0/ports.</summary>
    public sealed class PortCreateRequest
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
        [JsonPropertyName("network_id")]
        public string NetworkId { get; set; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        [JsonPropertyName("mac_address")]
        public string? MacAddress { get; set; }
        /// <summary>Empty: Neutron allocates an address on a subnet of the network.</summary>
        [JsonIgnore]
        public IList<FixedIPRequest> FixedIPs { get; } = new List<FixedIPRequest>();
        [JsonPropertyName("fixed_ips")]
        [JsonInclude]
        internal IList<FixedIPRequest>? FixedIPsSent => FixedIPs.Count > 0 ? FixedIPs : null;
        /// <summary>Null: the project's default group; empty: no group.</summary>
        [JsonPropertyName("security_groups")]
        public IList<string>? SecurityGroupIds { get; set; }
        [JsonPropertyName("allowed_address_pairs")]
        public IList<AllowedAddressPair>? AllowedAddressPairs { get; set; }
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; set; }

    }

    /// <summary>The changes Set-OSPort sends to PUT /v2.0/ports/{id}; null fields stay, lists are replaced whole.</summary>
    public sealed class PortUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        [JsonPropertyName("fixed_ips")]
        public IList<FixedIPRequest>? FixedIPs { get; set; }
        [JsonPropertyName("security_groups")]
        public IList<string>? SecurityGroupIds { get; set; }
        [JsonPropertyName("allowed_address_pairs")]
        public IList<AllowedAddressPair>? AllowedAddressPairs { get; set; }
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; set; }
    }
}
