using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron floating IP: an address of an external network, mapped (through a router) to a port's fixed IP.</summary>
    [TableView("Address", "FixedIPAddress", "Status", "ServerId", "PortId", "Id")]
    public sealed class FloatingIP : OSResource
    {
        public static readonly ResourceDefinition<FloatingIP> Definition = new ResourceDefinition<FloatingIP>
        {
            Kind = "floating IP",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/floatingips",
            Key = "floatingip",
            CollectionKey = "floatingips",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.FloatingIP,
            SupportsFields = true,
            // floating IPs have no name: resolving one by "name" looks up its address
            NameFilter = "floating_ip_address",
            TypeName = "OpenStackOrchestrator.FloatingIP",
            Tagging = TagSupport.Neutron,
            Filters = new Dictionary<string, string>
            {
                ["PortId"] = "port_id",
                ["FloatingNetworkId"] = "floating_network_id",
            },
        };

        /// <summary>The floating address itself.</summary>
        [JsonPropertyName("floating_ip_address")]
        public string Address { get; init => field = value ?? ""; } = "";
        /// <summary>Floating IPs have no name: the address stands for it (in messages and in -FloatingIP).</summary>
        [JsonIgnore]
        [DerivedFrom("floating_ip_address")]
        public override string Name => Address;
        /// <summary>The port's address the floating IP maps to; null when not associated.</summary>
        [JsonPropertyName("fixed_ip_address")]
        public string? FixedIPAddress { get; init; }
        [JsonPropertyName("port_id")]
        public string? PortId { get; init; }
        [JsonPropertyName("floating_network_id")]
        public string FloatingNetworkId { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("router_id")]
        public string? RouterId { get; init; }
        /// <summary>ACTIVE, DOWN or ERROR (DOWN until an L3 agent has set it up).</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("port_details")]
        [JsonInclude]
        internal FloatingIPPortDetails? PortDetails { get; init; }
        /// <summary>The server that has the port (needs Neutron's fip-port-details extension).</summary>
        [DerivedFrom("port_details")]
        public string? ServerId =>
            PortDetails?.DeviceOwner is string owner && owner.StartsWith("compute:", StringComparison.Ordinal) ? PortDetails.DeviceId : null;
        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }

        public override string ToString() => Address;
    }

    /// <summary>The part of a floating IP's port_details the model reads.</summary>
    internal sealed class FloatingIPPortDetails
    {
        [JsonPropertyName("device_id")]
        public string? DeviceId { get; init; }
        [JsonPropertyName("device_owner")]
        public string? DeviceOwner { get; init; }
    }
}
