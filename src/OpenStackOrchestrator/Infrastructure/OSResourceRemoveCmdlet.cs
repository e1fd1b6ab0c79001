using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Remove- over a declared resource: each reference (name, id or object) is resolved on its cloud before
    /// -WhatIf/-Confirm (so both report what the real run would: a name that resolves to nothing or to several is an
    /// error there too), then deleted. A concrete cmdlet declares the parameter (named after the resource) and hands
    /// its values to <see cref="RemoveEach"/>.</summary>
    public abstract class OSResourceRemoveCmdlet<T> : OSCloudCmdlet, IResourceCmdlet where T : OSResource
    {
        protected abstract ResourceDefinition<T> Definition { get; }
        IResourceDefinition IResourceCmdlet.Resource => Definition;

        protected void RemoveEach(ResourceReference[] references)
        {
            foreach (var reference in references)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                var text = reference.ToString();
                if (!ShouldProcessResolved(text, async ct => await CheckAsync(cloud, await reference.IdOnAsync(cloud, Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false),
                        $"{text} on {cloud.Name}", "Delete " + Definition.Kind))
                    continue;
                Try(text, () => Run(async ct =>
                    await cloud.DeleteResourceAsync(Definition, await reference.IdOnAsync(cloud, Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }

        /// <summary>What the service would refuse, checked before -WhatIf/-Confirm so that both report it (throw an
        /// OpenStackException); the default checks nothing.</summary>
        protected virtual System.Threading.Tasks.Task CheckAsync(Client.CloudConnection cloud, string id, System.Threading.CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.CompletedTask;
    }
}
