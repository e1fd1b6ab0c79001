using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSFloatingIP sends to POST /v2.0/floatingips.</summary>
    internal sealed class FloatingIPCreateRequest
    {
        [JsonPropertyName("floating_network_id")]
        public string FloatingNetworkId { get; set; } = "";
        [JsonPropertyName("floating_ip_address")]
        public string? Address { get; set; }
        [JsonPropertyName("port_id")]
        public string? PortId { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
    }

    /// <summary>What Add-/Remove-OSFloatingIP send to PUT /v2.0/floatingips/{id}.</summary>
    internal sealed class FloatingIPAssociation
    {
        /// <summary>Null disassociates, so it is sent even when null.</summary>
        [JsonPropertyName("port_id")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? PortId { get; set; }
        [JsonPropertyName("fixed_ip_address")]
        public string? FixedIPAddress { get; set; }
    }
}
