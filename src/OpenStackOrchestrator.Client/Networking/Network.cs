using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron network.</summary>
    [TableView("Name", "Status", "IsExternal", "IsShared", "Mtu", "SubnetCount", "Id")]
    public sealed class Network : OSResource
    {
        public static readonly ResourceDefinition<Network> Definition = new ResourceDefinition<Network>
        {
            Kind = "network",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/networks",
            Key = "network",
            CollectionKey = "networks",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.Network,
            SupportsFields = true,
            TypeName = "OpenStackOrchestrator.Network",
            Tagging = TagSupport.Neutron,
            Filters = new Dictionary<string, string>
            {
                ["IsExternal"] = "router:external",
                ["IsShared"] = "shared",
            },
        };

        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("router:external")]
        public bool IsExternal { get; init; }
        [JsonPropertyName("shared")]
        public bool IsShared { get; init; }
        [DerivedFrom("admin_state_up")]
        public bool AdminStateUp => AdminStateUpSent ?? true;
        [JsonPropertyName("admin_state_up")]
        [JsonInclude]
        internal bool? AdminStateUpSent { get; init; }
        [JsonPropertyName("mtu")]
        public long? Mtu { get; init; }
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("subnets")]
        public IReadOnlyList<string> SubnetIds { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [DerivedFrom("subnets")]
        public int SubnetCount => SubnetIds.Count;
        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }

        public override string ToString() => Name;
    }
}
