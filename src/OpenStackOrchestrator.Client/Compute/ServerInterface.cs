using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A server's virtual NIC as Nova's os-interface API shows it (PowerCLI's network adapter): a Neutron port
    /// attached to the server.</summary>
    public sealed class ServerInterface
    {
        internal ServerInterface(JsonElement json, string serverId, string? serverName, string? networkName, CloudConnection cloud)
        {
            PortId = json.Str("port_id") ?? "";
            NetworkId = json.Str("net_id") ?? "";
            MacAddress = json.Str("mac_addr") ?? "";
            PortState = json.Str("port_state") ?? "";
            FixedIPs = Subnet.Objects(json, "fixed_ips").Select(f => new FixedIP(f.Str("subnet_id") ?? "", f.Str("ip_address") ?? "")).ToList();
            IPAddress = FixedIPs.Select(f => f.IPAddress).ToArray();
            Tag = json.Str("tag");
            ServerId = serverId;
            ServerName = serverName;
            NetworkName = networkName;
            Cloud = cloud;
        }

        /// <summary>The port's id: an interface is its port (Remove-OSServerInterface and Get-OSPort take it).</summary>
        public string Id => PortId;
        public string PortId { get; }
        public string ServerId { get; }
        public string? ServerName { get; }
        public string NetworkId { get; }
        public string? NetworkName { get; }
        /// <summary>The server's name, or its id when the name is not known.</summary>
        public string Server => string.IsNullOrEmpty(ServerName) ? ServerId : ServerName!;
        /// <summary>The network's name, or its id when the name is not known.</summary>
        public string Network => string.IsNullOrEmpty(NetworkName) ? NetworkId : NetworkName!;
        public string MacAddress { get; }
        /// <summary>The port's status: ACTIVE once attached and bound.</summary>
        public string PortState { get; }
        public IReadOnlyList<FixedIP> FixedIPs { get; }
        public string[] IPAddress { get; }
        public string? Tag { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => $"{ServerName ?? ServerId}/{NetworkName ?? NetworkId} {MacAddress}";
    }
}
