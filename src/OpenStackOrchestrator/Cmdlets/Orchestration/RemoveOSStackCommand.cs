using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Remove-OSStack: deletes stacks, with everything they created, and waits until they are gone.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSStackCommand : StackActionCmdlet
    {
        protected override string Activity => "Deleting stacks";
        protected override string Operation => "Delete stack and its resources";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Stack stack, OSTask task, CancellationToken ct)
        {
            await RunOperationAsync(cloud, stack, "DELETE", 0, task, ct, () => cloud.Orchestration.DeleteStackAsync(stack, ct)).ConfigureAwait(false);
            return null;
        }
    }
}
