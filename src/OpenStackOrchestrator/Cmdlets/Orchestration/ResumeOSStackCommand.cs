using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Resume-OSStack: resumes suspended stacks (their servers start again) and waits
    /// until RESUME_COMPLETE.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "OSStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Stack), typeof(OSTask))]
    public sealed class ResumeOSStackCommand : StackActionCmdlet
    {
        protected override string Activity => "Resuming stacks";
        protected override string Operation => "Resume stack";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Stack stack, OSTask task, CancellationToken ct) =>
            await RunOperationAsync(cloud, stack, "RESUME", 0, task, ct, () => cloud.Orchestration.StackActionAsync(stack, "resume", ct)).ConfigureAwait(false);
    }
}
