using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Add-OSServerInterface: attaches a NIC to servers, a new port on a network or an existing port (PowerCLI's
    /// New-NetworkAdapter), and waits until the port is ACTIVE on the server (or -RunAsync).</summary>
    [Cmdlet(VerbsCommon.Add, "OSServerInterface", DefaultParameterSetName = NetworkSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServerInterface), typeof(OSTask))]
    public sealed class AddOSServerInterfaceCommand : ServerActionCmdlet
    {
        private const string NetworkSet = "Network";
        private const string PortSet = "Port";

        /// <summary>Attach a new port on this network (Nova creates it, and deletes it on detach).</summary>
        [Parameter(ParameterSetName = NetworkSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Network { get; set; }

        /// <summary>The new port's address on the network.</summary>
        [Parameter(ParameterSetName = NetworkSet)]
        [ValidateNotNullOrEmpty]
        public string? FixedIPAddress { get; set; }

        /// <summary>Attach this existing port (it is kept on detach).</summary>
        [Parameter(ParameterSetName = PortSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference? Port { get; set; }

        protected override string Operation => Network != null ? $"Attach interface on network {Network}" : $"Attach port {Port}";
        protected override string Activity => "Attaching interfaces";

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (Network != null)
                await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            if (Port != null)
                await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var networkId = Network == null ? null : await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            var givenPortId = Port == null ? null : await Port.PortIdAsync(cloud, ct).ConfigureAwait(false);
            task.Report(10, "attaching");
            var portId = await cloud.Compute.AttachInterfaceAsync(serverId, networkId, givenPortId, FixedIPAddress, ct).ConfigureAwait(false);
            task.Report(50, "waiting for the port");
            await cloud.Network.WaitForPortActiveAsync(portId, serverId, port => task.Report(60, $"port {port.Status}"), ct).ConfigureAwait(false);
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            return await cloud.Compute.GetServerInterfaceAsync(serverId, server.Name, portId, ct).ConfigureAwait(false);
        }
    }
}
