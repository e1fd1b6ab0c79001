using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron port: one virtual NIC on a network (a server's, a router's, or not yet attached).</summary>
    [TableView("Name", "Status", "MacAddress", "IPAddress", "DeviceOwner", "Id")]
    public sealed class Port : OSResource
    {
        public static readonly ResourceDefinition<Port> Definition = new ResourceDefinition<Port>
        {
            Kind = "port",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/ports",
            Key = "port",
            CollectionKey = "ports",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.Port,
            SupportsFields = true,
            TypeName = "OpenStackOrchestrator.Port",
            Tagging = TagSupport.Neutron,
            Filters = new Dictionary<string, string>
            {
                ["NetworkId"] = "network_id",
                ["DeviceId"] = "device_id",
                ["DeviceOwner"] = "device_owner",
                ["FixedIP"] = "fixed_ips",
            },
            ParentFilters = new Dictionary<Type, string>
            {
                [typeof(Network)] = "NetworkId",
                [typeof(Router)] = "DeviceId",
                [typeof(Compute.Server)] = "DeviceId",
            },
        };

        [JsonPropertyName("network_id")]
        public string NetworkId { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("mac_address")]
        public string MacAddress { get; init => field = value ?? ""; } = "";
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        [JsonPropertyName("status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [DerivedFrom("admin_state_up")]
        public bool AdminStateUp => AdminStateUpSent ?? true;
        [JsonPropertyName("admin_state_up")]
        [JsonInclude]
        internal bool? AdminStateUpSent { get; init; }
        [JsonPropertyName("fixed_ips")]
        public IReadOnlyList<FixedIP> FixedIPs { get; init => field = value ?? Array.Empty<FixedIP>(); } = Array.Empty<FixedIP>();
        [DerivedFrom("fixed_ips")]
        public string[] IPAddress => FixedIPs.Select(f => f.IPAddress).ToArray();
        /// <summary>The id of the server or router that uses the port; empty when unattached.</summary>
        [JsonPropertyName("device_id")]
        public string DeviceId { get; init => field = value ?? ""; } = "";
        /// <summary>compute:&lt;zone&gt; for a server's port, network:router_interface, network:dhcp...</summary>
        [JsonPropertyName("device_owner")]
        public string DeviceOwner { get; init => field = value ?? ""; } = "";
        /// <summary>The server's id when a server uses the port.</summary>
        [DerivedFrom("device_id", "device_owner")]
        public string? ServerId => DeviceOwner.StartsWith("compute:", StringComparison.Ordinal) && DeviceId.Length > 0 ? DeviceId : null;
        [JsonPropertyName("security_groups")]
        public IReadOnlyList<string> SecurityGroupIds { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("allowed_address_pairs")]
        public IReadOnlyList<AllowedAddressPair> AllowedAddressPairs { get; init => field = value ?? Array.Empty<AllowedAddressPair>(); } = Array.Empty<AllowedAddressPair>();
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; init; }
        [JsonPropertyName("binding:host_id")]
        public string? BindingHostId { get; init; }
        [JsonPropertyName("binding:vnic_type")]
        public string? BindingVnicType { get; init; }
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

    /// <summary>An address of a port on one of its network's subnets.</summary>
    public sealed class FixedIP
    {
        [JsonConstructor]
        public FixedIP(string subnetId, string ipAddress)
        {
            SubnetId = subnetId ?? "";
            IPAddress = ipAddress ?? "";
        }

        [JsonPropertyName("subnet_id")]
        public string SubnetId { get; }
        [JsonPropertyName("ip_address")]
        public string IPAddress { get; }
        public override string ToString() => $"{SubnetId}={IPAddress}";
    }

    /// <summary>An extra address (or CIDR) that port security lets through a port, e.g. a VRRP virtual IP.</summary>
    public sealed class AllowedAddressPair
    {
        [JsonConstructor]
        public AllowedAddressPair(string ipAddress, string? macAddress)
        {
            IPAddress = ipAddress ?? "";
            MacAddress = macAddress;
        }

        [JsonPropertyName("ip_address")]
        public string IPAddress { get; }
        /// <summary>Null: the port's own MAC address.</summary>
        [JsonPropertyName("mac_address")]
        public string? MacAddress { get; }
        public override string ToString() => MacAddress == null ? IPAddress : $"{IPAddress}={MacAddress}";
    }
}
