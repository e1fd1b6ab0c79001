using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Base of the cmdlets that act inside one Trove instance (-Instance: name, id or object, from the pipeline).</summary>
    public abstract class DatabaseInstanceCmdlet : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<DatabaseInstance>))]
        [ValidateNotNull]
        public ResourceReference? Instance { get; set; }

        /// <summary>Resolves the instance on its cloud, then (after ShouldProcess when <paramref name="action"/> is given) runs the work.</summary>
        protected void OnInstance(string? action, string? what, Func<CloudConnection, string, CancellationToken, Task> work) =>
            OnInstance<object?>(action, what, async (cloud, id, ct) => { await work(cloud, id, ct).ConfigureAwait(false); return null; }, _ => { });

        /// <summary>The same, writing what the work answers through <paramref name="write"/> on the pipeline thread.</summary>
        protected void OnInstance<T>(string? action, string? what, Func<CloudConnection, string, CancellationToken, Task<T>> work, Action<T> write)
        {
            var cloud = Instance!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            string? id = null;
            if (action != null)
            {
                if (!ShouldProcessResolved(Instance, async ct => id = await Instance.IdOnAsync(cloud, DatabaseInstance.Definition, ct).ConfigureAwait(false),
                        $"{what}{Instance} on {cloud.Name}", action))
                    return;
            }
            Try(Instance, () => write(Run(async ct =>
            {
                id ??= await Instance.IdOnAsync(cloud, DatabaseInstance.Definition, ct).ConfigureAwait(false);
                return await work(cloud, id, ct).ConfigureAwait(false);
            })));
        }
    }
}
