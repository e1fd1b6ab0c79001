using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Base of cmdlets that act on volumes given by name, id or object (also from the pipeline), as
    /// <see cref="ServerActionCmdlet"/> is for servers: each volume is read fresh and acted on by a task on its cloud.</summary>
    public abstract class VolumeActionCmdlet : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Volume { get; set; }

        /// <summary>The operation as ShouldProcess shows it, e.g. "Delete volume".</summary>
        protected abstract string Operation { get; }

        protected abstract Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct);

        /// <summary>The cloud to act in: the volume object's own, else -Cloud or $DefaultOSCloud.</summary>
        protected virtual CloudConnection? CloudFor(ResourceReference volume) => volume.Cloud ?? TargetCloud();

        /// <summary>Resolves the cmdlet's other references (a server...) before ShouldProcess.</summary>
        protected virtual Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct) => Task.CompletedTask;

        protected override void ProcessRecord()
        {
            foreach (var reference in Volume!)
            {
                var cloud = CloudFor(reference);
                if (cloud == null)
                    continue;
                string? id = null;
                async Task Resolve(CancellationToken ct)
                {
                    id = (await LookupAsync(reference, cloud, ct).ConfigureAwait(false)).Id;
                    await ResolveArgumentsAsync(cloud, ct).ConfigureAwait(false);
                }
                if (!ShouldProcessResolved(reference.ToString(), Resolve, $"{reference} on {cloud.Name}", Operation))
                    continue;
                var volumeId = id!;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                {
                    // Read again: the answer to a -Confirm prompt may come much later.
                    var volume = await cloud.BlockStorage.GetVolumeAsync(volumeId, ct).ConfigureAwait(false);
                    return await PerformAsync(cloud, volume, task, ct).ConfigureAwait(false);
                });
            }
        }

        /// <summary>The current state of the volume a reference names: objects by their id (the object may be stale),
        /// text by id or exact name.</summary>
        internal static Task<Volume> LookupAsync(ResourceReference reference, CloudConnection cloud, CancellationToken ct) =>
            reference.Id != null && (reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud))
                ? cloud.BlockStorage.GetVolumeAsync(reference.Id, ct)
                : cloud.BlockStorage.ResolveVolumeAsync(reference.Name ?? reference.Text, ct);
    }
}
