using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>New-OSAggregate: creates a host aggregate (PowerCLI's New-Cluster), optionally an availability zone,
    /// with metadata (admin). Hosts join it with Add-OSAggregateHost.</summary>
    [Cmdlet(VerbsCommon.New, "OSAggregate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Aggregate))]
    public sealed class NewOSAggregateCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Aggregate.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Make the aggregate an availability zone of this name: its hosts leave the default zone.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            var zone = AvailabilityZone == null ? "" : $" (availability zone {AvailabilityZone})";
            if (cloud == null || !ShouldProcess($"{Name}{zone} on {cloud.Name}", "Create aggregate"))
                return;
            var metadata = KeyChanges.From(Metadata, null);
            Try(Name, () => WriteTyped(Run(async ct =>
            {
                var created = await Aggregate.CreateAsync(cloud, Name!, AvailabilityZone, ct).ConfigureAwait(false);
                return metadata.Count == 0 ? created : await Aggregate.SetMetadataAsync(cloud, created.Id, metadata, ct).ConfigureAwait(false);
            }), Aggregate.Definition.TypeName));
        }
    }
}
