using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron router: routes between the subnets attached to it and, through its gateway, to an external network.</summary>
    [TableView("Name", "Status", "ExternalIPAddress", "ExternalNetworkId", "Id")]
    public sealed class Router : OSResource
    {
        public static readonly ResourceDefinition<Router> Definition = new ResourceDefinition<Router>
        {
            Kind = "router",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/routers",
            Key = "router",
            CollectionKey = "routers",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.Router,
            SupportsFields = true,
            TypeName = "OpenStackOrchestrator.Router",
            Tagging = TagSupport.Neutron,
        };

        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [DerivedFrom("admin_state_up")]
        public bool AdminStateUp => AdminStateUpSent ?? true;
        [JsonPropertyName("admin_state_up")]
        [JsonInclude]
        internal bool? AdminStateUpSent { get; init; }
        [JsonPropertyName("external_gateway_info")]
        [JsonInclude]
        internal RouterGateway? Gateway { get; init; }
        /// <summary>The network of the router's gateway; null without a gateway.</summary>
        [DerivedFrom("external_gateway_info")]
        public string? ExternalNetworkId => Gateway?.NetworkId;
        /// <summary>The gateway's addresses on the external network.</summary>
        [DerivedFrom("external_gateway_info")]
        public string[] ExternalIPAddress => Gateway?.ExternalFixedIPs?.Select(f => f.IPAddress).ToArray() ?? Array.Empty<string>();
        [DerivedFrom("external_gateway_info")]
        public bool? SnatEnabled => Gateway?.EnableSnat;
        [JsonPropertyName("routes")]
        [JsonInclude]
        internal IReadOnlyList<HostRoute>? ExtraRoutes { get; init; }
        /// <summary>Extra routes, "destination=nexthop".</summary>
        [DerivedFrom("routes")]
        public IReadOnlyList<string> Routes => HostRoute.Texts(ExtraRoutes);
        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }
    }

    /// <summary>A router's external_gateway_info as Neutron answers it.</summary>
    internal sealed class RouterGateway
    {
        [JsonPropertyName("network_id")]
        public string? NetworkId { get; init; }
        [JsonPropertyName("enable_snat")]
        public bool? EnableSnat { get; init; }
        [JsonPropertyName("external_fixed_ips")]
        public IReadOnlyList<FixedIP>? ExternalFixedIPs { get; init; }
    }
}
