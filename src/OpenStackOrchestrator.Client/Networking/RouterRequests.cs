using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSRouter sends to POST /v2.0/routers.</summary>
    public sealed class RouterCreateRequest
    {
        /// <summary>The owning project (an admin's setting); null: the caller's project.</summary>
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; set; }
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        /// <summary>The network for the router's gateway; null: no gateway.</summary>
        [JsonIgnore]
        public string? ExternalNetworkId { get; set; }
        /// <summary>enable_snat (changing it is an administrator's setting by default policy).</summary>
        [JsonIgnore]
        public bool? SnatEnabled { get; set; }

        [JsonPropertyName("external_gateway_info")]
        [JsonInclude]
        internal RouterGatewayRequest? GatewaySent =>
            ExternalNetworkId == null ? null : new RouterGatewayRequest { NetworkId = ExternalNetworkId, EnableSnat = SnatEnabled };
    }

    /// <summary>The changes Set-OSRouter sends to PUT /v2.0/routers/{id}; null fields stay as they are.</summary>
    public sealed class RouterUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        [JsonIgnore]
        public string? ExternalNetworkId { get; set; }
        /// <summary>Removes the gateway.</summary>
        [JsonIgnore]
        public bool ClearExternalNetwork { get; set; }
        [JsonIgnore]
        public bool? SnatEnabled { get; set; }

        /// <summary>An empty object removes the gateway.</summary>
        [JsonPropertyName("external_gateway_info")]
        [JsonInclude]
        internal RouterGatewayRequest? GatewaySent =>
            ClearExternalNetwork ? new RouterGatewayRequest()
            : ExternalNetworkId == null ? null
            : new RouterGatewayRequest { NetworkId = ExternalNetworkId, EnableSnat = SnatEnabled };
    }

    /// <summary>external_gateway_info as a router request sends it.</summary>
    internal sealed class RouterGatewayRequest
    {
        [JsonPropertyName("network_id")]
        public string? NetworkId { get; set; }
        [JsonPropertyName("enable_snat")]
        public bool? EnableSnat { get; set; }
    }

    /// <summary>The body of PUT /v2.0/routers/{id}/add_router_interface (and remove_): a subnet or a port.</summary>
    internal sealed class RouterInterfaceRequest
    {
        [JsonPropertyName("subnet_id")]
        public string? SubnetId { get; set; }
        [JsonPropertyName("port_id")]
        public string? PortId { get; set; }
    }
}
