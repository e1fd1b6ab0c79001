using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Remove-OSMetric: deletes Gnocchi metrics and their measures (names, ids or metric objects, from the
    /// pipeline too); a name or id Gnocchi does not have is a MetricNotFound error, reported by -WhatIf too.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSMetric", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSMetricCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Telemetry.Metric.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Metric>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Metric { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Metric!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                var text = reference.ToString();
                if (!ShouldProcessResolved(text, ct => MetricReferences.IdAsync(reference, cloud, ct), $"{text} on {cloud.Name}", "Delete metric"))
                    continue;
                Try(text, () => Run(async ct =>
                    await cloud.DeleteResourceAsync(Client.Telemetry.Metric.Definition, await MetricReferences.IdAsync(reference, cloud, ct).ConfigureAwait(false), ct)
                        .ConfigureAwait(false)));
            }
        }
    }
}
