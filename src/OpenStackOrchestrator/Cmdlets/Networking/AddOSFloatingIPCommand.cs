using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Add-OSFloatingIP: gives a server a floating IP on its port: the one given, or a new one from the external
    /// network (allocated and associated in one request, so a refusal leaves nothing allocated).</summary>
    [Cmdlet(VerbsCommon.Add, "OSFloatingIP", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FloatingIP))]
    public sealed class AddOSFloatingIPCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>An allocated floating IP (address, id or object); without it, a new one is allocated.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(FloatingIPAddressCompleter))]
        public ResourceReference? FloatingIP { get; set; }

        /// <summary>The external network to allocate from; without it, the cloud's only external network.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Network { get; set; }

        /// <summary>Which of the server's ports; needed when it has several.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference? Port { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var server in VM!)
            {
                var cloud = server.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(server.ToString(), async ct =>
                    {
                        await server.ServerIdAsync(cloud, ct).ConfigureAwait(false);
                        if (Port != null)
                            await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
                        if (FloatingIP != null)
                            await FloatingIP.FloatingIPIdAsync(cloud, ct).ConfigureAwait(false);
                        else if (Network != null)
                            await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    }, $"{server} on {cloud.Name}", FloatingIP != null ? $"Associate floating IP {FloatingIP}" : "Allocate and associate a floating IP"))
                    continue;
                Act(server.ToString(), () => WriteTyped(Run(async ct =>
                {
                    var portId = await ServerPortIdAsync(server, cloud, ct).ConfigureAwait(false);
                    if (FloatingIP == null)
                        return await cloud.Network.CreateFloatingIPAsync(await ExternalNetworks.IdAsync(Network, cloud, ct).ConfigureAwait(false), null, portId, null, ct).ConfigureAwait(false);
                    var id = await FloatingIP.FloatingIPIdAsync(cloud, ct).ConfigureAwait(false);
                    return await cloud.Network.AssociateFloatingIPAsync(id, portId, null, ct).ConfigureAwait(false);
                })));
            }
        }

        private async Task<string> ServerPortIdAsync(ResourceReference server, CloudConnection cloud, CancellationToken ct)
        {
            var serverId = await server.ServerIdAsync(cloud, ct).ConfigureAwait(false);
            var ports = await NameResolver.ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { DeviceId = serverId }, ct)).ConfigureAwait(false);
            if (Port != null)
            {
                var portId = await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
                return ports.Any(p => p.Id == portId) ? portId : throw new BadRequestException($"Port {Port} is not a port of server {server}.");
            }
            if (ports.Count == 1)
                return ports[0].Id;
            throw new BadRequestException(ports.Count == 0
                ? $"Server {server} has no port to give a floating IP to."
                : $"Server {server} has {ports.Count} ports; choose one with -Port: {string.Join(", ", ports.Select(p => $"{p.Id} ({string.Join(", ", p.IPAddress)})"))}.");
        }
    }
}
