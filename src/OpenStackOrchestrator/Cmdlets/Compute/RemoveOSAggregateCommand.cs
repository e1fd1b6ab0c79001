using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSAggregate: deletes host aggregates (PowerCLI's Remove-Cluster; admin). Nova deletes only an
    /// aggregate without hosts: one with hosts is an error naming them, also under -WhatIf, unless -Force removes them first.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSAggregate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSAggregateCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Compute.Aggregate.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Aggregate>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Aggregate { get; set; }

        /// <summary>Remove the aggregate's hosts from it first (they stay in the cloud, in their other aggregates).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var definition = Client.Compute.Aggregate.Definition;
            foreach (var reference in Aggregate!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Client.Compute.Aggregate? aggregate = null;
                if (!ShouldProcessResolved(reference, async ct =>
                    {
                        aggregate = await cloud.GetResourceAsync(definition, await reference.IdOnAsync(cloud, definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        if (!Force)
                            Client.Compute.Aggregate.EnsureEmpty(aggregate);
                    }, $"{reference} on {cloud.Name}", Force ? "Remove its hosts and delete aggregate" : "Delete aggregate"))
                    continue;
                Try(reference, () => Run(async ct =>
                {
                    foreach (var host in aggregate!.Hosts)
                        await Client.Compute.Aggregate.RemoveHostAsync(cloud, aggregate.Id, host, ct).ConfigureAwait(false);
                    await cloud.DeleteResourceAsync(definition, aggregate.Id, ct).ConfigureAwait(false);
                }));
            }
        }
    }
}
