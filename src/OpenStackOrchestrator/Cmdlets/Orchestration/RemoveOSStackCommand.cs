using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Remove-OSStack: deletes stacks, with everything they created, and waits until they are gone.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSStackCommand : StackActionCmdlet
    {
        private static readonly System.TimeSpan PurgeWait = System.TimeSpan.FromSeconds(60);

        protected override string Activity => "Deleting stacks";
        protected override string Operation => "Delete stack and its resources";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Stack stack, OSTask task, CancellationToken ct)
        {
            // A stack already deleted (listed for a few seconds more) needs no DELETE, only the wait.
            if (stack.Status != "DELETE_COMPLETE")
            {
                try
                {
                    await RunOperationAsync(cloud, stack, "DELETE", 0, task, ct, () => cloud.Orchestration.DeleteStackAsync(stack, ct)).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    // purged between the lookup and the DELETE: gone, as asked
                    return null;
                }
            }
            task.Report(95, "waiting until Heat no longer lists it");
            await cloud.Orchestration.WaitUntilPurgedAsync(stack, PurgeWait, ct).ConfigureAwait(false);
            return null;
        }
    }
}
