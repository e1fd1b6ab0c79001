using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>New-OSMetric: creates a Gnocchi metric, stand-alone or attached to a resource (-Entity), kept by an
    /// archive policy (default: the one Gnocchi's archive policy rules pick for the name).</summary>
    [Cmdlet(VerbsCommon.New, "OSMetric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Metric))]
    public sealed class NewOSMetricCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Metric.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The archive policy's name (Get-OSArchivePolicy): which granularities are kept and aggregated how.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<ArchivePolicy>))]
        public string? ArchivePolicy { get; set; }

        /// <summary>The unit of its values ("%", "B", "ns"...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Unit { get; set; }

        /// <summary>The resource to attach it to (a Gnocchi resource, a server or volume object with a Gnocchi resource of
        /// the same id, a name or id): the metric is then that resource's metric of this name.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<MetricResource>))]
        [ValidateNotNull]
        public ResourceReference? Entity { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = Entity?.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            var on = Entity == null ? "" : $" of {Entity}";
            string? resourceId = null;
            if (!ShouldProcessResolved(Entity?.ToString() ?? Name, async ct =>
                {
                    if (Entity != null)
                        resourceId = await Entity.ResolveIdAsync(cloud, async (text, c) => (await cloud.ResolveMetricResourceAsync(text, c).ConfigureAwait(false)).Id, ct)
                            .ConfigureAwait(false);
                }, $"{Name}{on} on {cloud.Name}", "Create metric"))
                return;
            var request = new MetricCreateRequest { Name = Name, ArchivePolicyName = ArchivePolicy, Unit = Unit, ResourceId = resourceId };
            Try(Name, () => WriteTyped(Run(ct => cloud.CreateMetricAsync(request, ct)), Metric.Definition.TypeName));
        }
    }
}
