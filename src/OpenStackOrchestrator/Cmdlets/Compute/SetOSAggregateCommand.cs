using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Set-OSAggregate: renames host aggregates, moves them to another availability zone, sets and removes
    /// metadata keys (PowerCLI's Set-Cluster; admin). Returns the aggregates as they now are.</summary>
    [Cmdlet(VerbsCommon.Set, "OSAggregate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Aggregate))]
    public sealed class SetOSAggregateCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Compute.Aggregate.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Aggregate>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Aggregate { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        /// <summary>Keys to set (merged with the others; a $null value removes the key).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? RemoveMetadata { get; set; }

        protected override void ProcessRecord()
        {
            var metadata = KeyChanges.From(Metadata, RemoveMetadata);
            foreach (var reference in Aggregate!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                string? id = null;
                if (!ShouldProcessResolved(reference, async ct => id = await reference.IdOnAsync(cloud, Client.Compute.Aggregate.Definition, ct).ConfigureAwait(false),
                        $"{reference} on {cloud.Name}", "Set aggregate properties"))
                    continue;
                Try(reference, () => WriteTyped(Run(async ct =>
                {
                    Client.Compute.Aggregate? changed = null;
                    if (Name != null || AvailabilityZone != null)
                        changed = await Client.Compute.Aggregate.UpdateAsync(cloud, id!, Name, AvailabilityZone, ct).ConfigureAwait(false);
                    if (metadata.Count > 0)
                        changed = await Client.Compute.Aggregate.SetMetadataAsync(cloud, id!, metadata, ct).ConfigureAwait(false);
                    return changed ?? await cloud.GetResourceAsync(Client.Compute.Aggregate.Definition, id!, ct).ConfigureAwait(false);
                }), Client.Compute.Aggregate.Definition.TypeName));
            }
        }
    }
}
