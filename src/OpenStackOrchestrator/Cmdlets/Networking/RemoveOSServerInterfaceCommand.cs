using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSServerInterface: detaches NICs (ports, or interfaces from Get-OSServerInterface) from their server
    /// and waits until the server no longer has them (or -RunAsync). A port Nova made for the attach is deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSServerInterface", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSServerInterfaceCommand : OSTaskCmdlet
    {
        /// <summary>The ports to detach: interfaces from Get-OSServerInterface, ports, or port names or ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Interface")]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference[]? Port { get; set; }

        /// <summary>The server; without it, the server the port is attached to.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? VM { get; set; }

        protected override string Activity => "Detaching interfaces";

        protected override void ProcessRecord()
        {
            foreach (var reference in Port!)
            {
                var cloud = reference.Cloud ?? VM?.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), async ct =>
                    {
                        await reference.PortIdAsync(cloud, ct).ConfigureAwait(false);
                        if (VM != null)
                            await VM.ServerIdAsync(cloud, ct).ConfigureAwait(false);
                    }, $"{reference} on {cloud.Name}", "Detach interface" + (VM != null ? $" from server {VM}" : "")))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, (task, ct) => DetachAsync(cloud, reference, task, ct));
            }
        }

        private async Task<object?> DetachAsync(CloudConnection cloud, ResourceReference reference, OSTask task, CancellationToken ct)
        {
            var port = await cloud.Network.GetPortAsync(await reference.PortIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            var serverId = VM != null ? await VM.ServerIdAsync(cloud, ct).ConfigureAwait(false)
                : port.ServerId ?? throw new BadRequestException($"Port {reference} is not attached to a server.");
            task.Report(20, "detaching");
            await cloud.Compute.DetachInterfaceAsync(serverId, port.Id, ct).ConfigureAwait(false);
            return null;
        }
    }
}
