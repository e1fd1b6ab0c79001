using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSSubnet sends to POST /v2.0/subnets.</summary>
    public sealed class SubnetCreateRequest
    {
        private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement;

        /// <summary>The owning project (an admin's setting); null: the caller's project.</summary>
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; set; }
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        [JsonPropertyName("network_id")]
        public string NetworkId { get; set; } = "";
        [JsonPropertyName("cidr")]
        public string Cidr { get; set; } = "";
        /// <summary>4 or 6.</summary>
        [JsonPropertyName("ip_version")]
        public int IPVersion { get; set; } = 4;
        /// <summary>Null: Neutron takes the first address of the range.</summary>
        [JsonIgnore]
        public string? GatewayIP { get; set; }
        /// <summary>No gateway at all (gateway_ip null).</summary>
        [JsonIgnore]
        public bool NoGateway { get; set; }
        [JsonPropertyName("enable_dhcp")]
        public bool DhcpEnabled { get; set; } = true;
        [JsonIgnore]
        public IList<string> DnsServers { get; } = new List<string>();
        /// <summary>(first, last) address pairs.</summary>
        [JsonIgnore]
        public IList<(string Start, string End)> AllocationPools { get; } = new List<(string, string)>();
        [JsonPropertyName("ipv6_address_mode")]
        public string? IPv6AddressMode { get; set; }
        [JsonPropertyName("ipv6_ra_mode")]
        public string? IPv6RAMode { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }

        /// <summary>No gateway is an explicit JSON null, which the omitted nulls of every request would drop: a JSON
        /// element holding null is written all the same.</summary>
        [JsonPropertyName("gateway_ip")]
        [JsonInclude]
        internal JsonElement? GatewaySent =>
            NoGateway ? JsonNull : GatewayIP == null ? (JsonElement?)null : JsonSerializer.SerializeToElement(GatewayIP, NetworkingJson.Default.String);
        [JsonPropertyName("dns_nameservers")]
        [JsonInclude]
        internal IList<string>? DnsServersSent => DnsServers.Count > 0 ? DnsServers : null;
        [JsonPropertyName("allocation_pools")]
        [JsonInclude]
        internal IList<AllocationPool>? AllocationPoolsSent =>
            AllocationPools.Count > 0 ? AllocationPools.Select(p => new AllocationPool(p.Start, p.End)).ToList() : null;
    }
}
