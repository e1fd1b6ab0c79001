using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Base of cmdlets that act on stacks given by name, id or object (also from the pipeline): each stack is
    /// read fresh and acted on by a task on its cloud, as <see cref="ServerActionCmdlet"/> does for servers.</summary>
    public abstract class StackActionCmdlet : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Stack { get; set; }

        /// <summary>The operation as ShouldProcess shows it, e.g. "Delete stack".</summary>
        protected abstract string Operation { get; }

        protected abstract Task<object?> PerformAsync(CloudConnection cloud, Client.Orchestration.Stack stack, OSTask task, CancellationToken ct);

        protected override void ProcessRecord()
        {
            foreach (var reference in Stack!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => StackLookup.FindAsync(reference, cloud, ct), $"{reference} on {cloud.Name}", Operation))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                {
                    var stack = await StackLookup.FindAsync(reference, cloud, ct).ConfigureAwait(false);
                    return await PerformAsync(cloud, stack, task, ct).ConfigureAwait(false);
                });
            }
        }

        /// <summary>Starts an operation with <paramref name="start"/> and follows it to its end, showing its events.</summary>
        protected static async Task<Client.Orchestration.Stack?> RunOperationAsync(CloudConnection cloud, Client.Orchestration.Stack stack, string action,
            int timeoutSec, OSTask task, CancellationToken ct, System.Func<Task> start)
        {
            var marker = await cloud.Orchestration.LatestEventIdAsync(stack, 0, ct).ConfigureAwait(false);
            await start().ConfigureAwait(false);
            task.Report(5, action.ToLowerInvariant() + " requested");
            var progress = new StackProgress(task, 0);
            return await cloud.Orchestration.WaitForStackAsync(stack, action, marker, progress.OnEvent, StackTemplateInput.WaitLimit(timeoutSec), ct).ConfigureAwait(false);
        }
    }
}
