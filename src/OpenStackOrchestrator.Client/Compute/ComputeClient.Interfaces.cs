using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A server's NICs (os-interface): list, attach, detach.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>How long a wait for a detach may take.</summary>
        public TimeSpan InterfaceWaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>The server's interfaces, with the names of their networks (looked up once per network; null when
        /// the network cannot be read).</summary>
        public async Task<IReadOnlyList<ServerInterface>> ListServerInterfacesAsync(string serverId, string? serverName, CancellationToken cancellationToken)
        {
            var interfaces = await InterfacesAsync(serverId, cancellationToken).ConfigureAwait(false);
            var names = await NetworkNamesAsync(interfaces.Select(i => i.NetworkId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var nic in interfaces)
                Describe(nic, serverId, serverName, names.TryGetValue(nic.NetworkId, out var name) ? name : null);
            return interfaces;
        }

        public async Task<ServerInterface> GetServerInterfaceAsync(string serverId, string? serverName, string portId, CancellationToken cancellationToken)
        {
            var nic = await _cloud.GetResourceAsync(ServerInterface.OfServer(serverId), portId, cancellationToken).ConfigureAwait(false);
            var names = await NetworkNamesAsync(new[] { nic.NetworkId }, cancellationToken).ConfigureAwait(false);
            return Describe(nic, serverId, serverName, names.Values.FirstOrDefault());
        }

        /// <summary>Attaches a new port on <paramref name="networkId"/> (optionally with a fixed address) or an existing
        /// port; returns the id of the attached port. Nova answers once the attach is done on the hypervisor.</summary>
        public async Task<string> AttachInterfaceAsync(string serverId, string? networkId, string? portId, string? fixedIPAddress, CancellationToken cancellationToken)
        {
            if ((networkId == null) == (portId == null))
                throw new ArgumentException("Give a network or a port, not both.");
            var request = portId != null
                ? new ServerInterfaceAttachRequest { PortId = portId }
                : new ServerInterfaceAttachRequest
                {
                    NetworkId = networkId,
                    FixedIPs = fixedIPAddress == null ? null : new[] { new FixedIPRequest { IPAddress = fixedIPAddress } },
                };
            var attached = await _cloud.CreateResourceAsync(ServerInterface.OfServer(serverId), request, ComputeJson.Default.ServerInterfaceAttachRequest, cancellationToken)
                .ConfigureAwait(false);
            return attached.PortId.Length > 0
                ? attached.PortId
                : throw new InvalidResponseException("Nova's answer to the attach names no port.") { Service = ServiceTypes.Compute };
        }

        /// <summary>Detaches the port (Nova deletes a port it created for the attach, and keeps one given to it) and waits
        /// until the server no longer lists it.</summary>
        public async Task DetachInterfaceAsync(string serverId, string portId, CancellationToken cancellationToken)
        {
            await _cloud.DeleteResourceAsync(ServerInterface.OfServer(serverId), portId, cancellationToken).ConfigureAwait(false);
            await BoundedPoll.UntilAsync(async ct => (await InterfacesAsync(serverId, ct).ConfigureAwait(false)).Any(i => i.PortId == portId),
                attached => !attached, null, InterfaceWaitTimeout,
                _ => $"Port {portId} was still attached to server {serverId} {InterfaceWaitTimeout.TotalSeconds:0} s after the detach request.",
                cancellationToken).ConfigureAwait(false);
        }

        private Task<List<ServerInterface>> InterfacesAsync(string serverId, CancellationToken cancellationToken) =>
            Resolution.NameResolver.ToListAsync(_cloud.ListResourcesAsync(ServerInterface.OfServer(serverId), null, cancellationToken));

        private static ServerInterface Describe(ServerInterface nic, string serverId, string? serverName, string? networkName)
        {
            nic.ServerId = serverId;
            nic.ServerName = serverName;
            nic.NetworkName = networkName;
            return nic;
        }

        private async Task<Dictionary<string, string>> NetworkNamesAsync(IReadOnlyCollection<string> networkIds, CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, string>();
            foreach (var id in networkIds.Where(i => i.Length > 0))
            {
                try
                {
                    names[id] = (await _cloud.Network.GetNetworkAsync(id, cancellationToken).ConfigureAwait(false)).Name;
                }
                catch (OpenStackException)
                {
                    // a network of another project may not be readable: the id is shown instead
                }
            }
            return names;
        }
    }
}
