using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of cmdlets that act on servers given by name, id or object (also from the pipeline): each
    /// server is acted on by a task on the cloud it came from.</summary>
    public abstract class ServerActionCmdlet : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>The operation as ShouldProcess shows it, e.g. "Stop server".</summary>
        protected abstract string Operation { get; }

        protected abstract Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct);

        /// <summary>Resolves the cmdlet's other references (an image, a flavor...) before ShouldProcess.</summary>
        protected virtual Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct) => Task.CompletedTask;

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                async Task Resolve(CancellationToken ct)
                {
                    await ServerIdAsync(reference, cloud, ct).ConfigureAwait(false);
                    await ResolveArgumentsAsync(cloud, ct).ConfigureAwait(false);
                }
                if (!ShouldProcessResolved(reference.ToString(), Resolve, $"{reference} on {cloud.Name}", Operation))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                    await PerformAsync(cloud, await ServerIdAsync(reference, cloud, ct).ConfigureAwait(false), task, ct).ConfigureAwait(false));
            }
        }

        private static Task<string> ServerIdAsync(ResourceReference reference, CloudConnection cloud, CancellationToken ct) =>
            reference.IdOnAsync(cloud, Client.Compute.Server.Definition, ct);

        protected static Task<Client.Compute.Server> WaitForAsync(CloudConnection cloud, string id, OSTask task, CancellationToken ct, params string[] statuses) =>
            cloud.Compute.WaitForServerStatusAsync(id, statuses, s => ServerProgress.Report(task, s), ct);
    }
}
