using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSServer: deletes servers and waits until they are gone (PowerCLI's Remove-VM -DeletePermanently).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSServerCommand : ServerActionCmdlet
    {
        protected override string Operation => "Delete server";
        protected override string Activity => "Deleting servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            await cloud.Compute.DeleteServerAsync(serverId, ct).ConfigureAwait(false);
            task.Report(30, "deleting");
            await cloud.Compute.WaitForServerDeletedAsync(serverId, s => ServerProgress.Report(task, s), ct).ConfigureAwait(false);
            return null;
        }
    }
}
