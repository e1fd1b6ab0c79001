using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A server's virtual NIC as Nova's os-interface API shows it (PowerCLI's network adapter): a Neutron port
    /// attached to the server.</summary>
    [TableView("Server", "Network", "MacAddress", "IPAddress", "PortState", "PortId")]
    public sealed class ServerInterface : OSResource
    {
        /// <summary>What server interfaces are; its Path is only a pattern: requests go to one server's interfaces,
        /// through <see cref="OfServer"/>.</summary>
        public static readonly ResourceDefinition<ServerInterface> Definition = Declare("/servers/{server_id}/os-interface");

        internal static ResourceDefinition<ServerInterface> OfServer(string serverId) => Declare($"/servers/{Uri.EscapeDataString(serverId)}/os-interface");

        private static ResourceDefinition<ServerInterface> Declare(string path) => new ResourceDefinition<ServerInterface>
        {
            Kind = "server interface",
            ServiceType = ServiceTypes.Compute,
            Path = path,
            Key = "interfaceAttachment",
            CollectionKey = "interfaceAttachments",
            Paging = PagingStyle.None,
            Json = ComputeJson.Default.ServerInterface,
            NameFilter = null,
            TypeName = "OpenStackOrchestrator.ServerInterface",
        };

        /// <summary>The port's id: an interface is its port (Remove-OSServerInterface and Get-OSPort take it).</summary>
        [JsonIgnore]
        [DerivedFrom("port_id")]
        public override string Id => PortId;
        /// <summary>An interface has no name of its own: its port's id (what -WhatIf and references print for it).</summary>
        [JsonIgnore]
        [DerivedFrom("port_id")]
        public override string Name => PortId;
        [JsonPropertyName("port_id")]
        public string PortId { get; init => field = value ?? ""; } = "";
        [JsonIgnore]
        public string ServerId { get; internal set; } = "";
        [JsonIgnore]
        public string? ServerName { get; internal set; }
        [JsonPropertyName("net_id")]
        public string NetworkId { get; init => field = value ?? ""; } = "";
        [JsonIgnore]
        public string? NetworkName { get; internal set; }
        /// <summary>The server's name, or its id when the name is not known.</summary>
        [JsonIgnore]
        public string Server => string.IsNullOrEmpty(ServerName) ? ServerId : ServerName!;
        /// <summary>The network's name, or its id when the name is not known.</summary>
        [DerivedFrom("net_id")]
        public string Network => string.IsNullOrEmpty(NetworkName) ? NetworkId : NetworkName!;
        [JsonPropertyName("mac_addr")]
        public string MacAddress { get; init => field = value ?? ""; } = "";
        /// <summary>The port's status: ACTIVE once attached and bound.</summary>
        [JsonPropertyName("port_state")]
        public string PortState { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("fixed_ips")]
        public IReadOnlyList<FixedIP> FixedIPs { get; init => field = value ?? Array.Empty<FixedIP>(); } = Array.Empty<FixedIP>();
        [DerivedFrom("fixed_ips")]
        public string[] IPAddress => FixedIPs.Select(f => f.IPAddress).ToArray();
        /// <summary>Microversion 2.70 and later.</summary>
        [JsonPropertyName("tag")]
        public string? Tag { get; init; }

        public override string ToString() => $"{ServerName ?? ServerId}/{NetworkName ?? NetworkId} {MacAddress}";
    }
}
