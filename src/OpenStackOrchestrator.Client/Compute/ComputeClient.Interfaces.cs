using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

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
            var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(serverId)}/os-interface", cancellationToken).ConfigureAwait(false);
            var items = Networking.Subnet.Objects(json, "interfaceAttachments").ToList();
            var names = await NetworkNamesAsync(items.Select(i => i.Str("net_id")).Where(id => id != null).Distinct().ToList()!, cancellationToken).ConfigureAwait(false);
            return items.Select(i => new ServerInterface(i, serverId, serverName, names.TryGetValue(i.Str("net_id") ?? "", out var n) ? n : null, _cloud)).ToList();
        }

        public async Task<ServerInterface> GetServerInterfaceAsync(string serverId, string? serverName, string portId, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(serverId)}/os-interface/{Uri.EscapeDataString(portId)}",
                cancellationToken).ConfigureAwait(false);
            var item = json.Obj("interfaceAttachment");
            var names = await NetworkNamesAsync(new[] { item.Str("net_id") ?? "" }, cancellationToken).ConfigureAwait(false);
            return new ServerInterface(item, serverId, serverName, names.Values.FirstOrDefault(), _cloud);
        }

        /// <summary>Attaches a new port on <paramref name="networkId"/> (optionally with a fixed address) or an existing
        /// port; returns the id of the attached port. Nova answers once the attach is done on the hypervisor.</summary>
        public async Task<string> AttachInterfaceAsync(string serverId, string? networkId, string? portId, string? fixedIPAddress, CancellationToken cancellationToken)
        {
            if ((networkId == null) == (portId == null))
                throw new ArgumentException("Give a network or a port, not both.");
            var attachment = new Dictionary<string, object>();
            if (portId != null)
                attachment["port_id"] = portId;
            else
            {
                attachment["net_id"] = networkId!;
                if (fixedIPAddress != null)
                    attachment["fixed_ips"] = new[] { new Dictionary<string, string> { ["ip_address"] = fixedIPAddress } };
            }
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["interfaceAttachment"] = attachment });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(serverId)}/os-interface")
            { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            return response.Json().Obj("interfaceAttachment").Str("port_id")
                ?? throw new InvalidResponseException("Nova's answer to the attach names no port.") { Service = ServiceTypes.Compute, RequestId = response.RequestId };
        }

        /// <summary>Detaches the port (Nova deletes a port it created for the attach, and keeps one given to it) and waits
        /// until the server no longer lists it.</summary>
        public async Task DetachInterfaceAsync(string serverId, string portId, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Compute,
                $"/servers/{Uri.EscapeDataString(serverId)}/os-interface/{Uri.EscapeDataString(portId)}"), cancellationToken).ConfigureAwait(false);
            await BoundedPoll.UntilAsync(async ct =>
                {
                    var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(serverId)}/os-interface", ct).ConfigureAwait(false);
                    return Networking.Subnet.Objects(json, "interfaceAttachments").Any(i => i.Str("port_id") == portId);
                },
                attached => !attached, null, InterfaceWaitTimeout,
                _ => $"Port {portId} was still attached to server {serverId} {InterfaceWaitTimeout.TotalSeconds:0} s after the detach request.",
                cancellationToken).ConfigureAwait(false);
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
