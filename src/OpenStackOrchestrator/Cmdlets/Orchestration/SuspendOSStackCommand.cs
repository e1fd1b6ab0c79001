using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Suspend-OSStack: suspends every resource of stacks that can be (servers are suspended) and waits
    /// until SUSPEND_COMPLETE.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "OSStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Stack), typeof(OSTask))]
    public sealed class SuspendOSStackCommand : StackActionCmdlet
    {
        protected override string Activity => "Suspending stacks";
        protected override string Operation => "Suspend stack";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Stack stack, OSTask task, CancellationToken ct) =>
            await RunOperationAsync(cloud, stack, "SUSPEND", 0, task, ct, () => cloud.Orchestration.StackActionAsync(stack, "suspend", ct)).ConfigureAwait(false);
    }
}
