using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSMetric: Gnocchi metrics by name (wildcards) or id, or those of a resource (-Entity: a Gnocchi
    /// resource, a server or volume object, a name or id; or piped from Get-OSMetricResource).</summary>
    [Cmdlet(VerbsCommon.Get, "OSMetric", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Metric))]
    public sealed class GetOSMetricCommand : OSResourceGetCmdlet<Metric>
    {
        protected override ResourceDefinition<Metric> Definition => Metric.Definition;

        /// <summary>The resource whose metrics to list (its metrics are read from the resource: Gnocchi ignores a
        /// member's resource_id filter).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<MetricResource>))]
        [ValidateNotNull]
        public ResourceReference? Entity { get; set; }

        protected override bool Filter(ListQuery query)
        {
            if (Entity != null && query.Filters.ContainsKey("ResourceId"))
            {
                WriteError(new ErrorRecord(new System.ArgumentException("A metric resource came from the pipeline and -Entity was given too: give one of them."),
                    "InvalidPipelineInput", ErrorCategory.InvalidArgument, Entity));
                return false;
            }
            return true;
        }

        protected override IAsyncEnumerable<Metric> ListAsync(CloudConnection cloud, ListQuery query, CancellationToken cancellationToken) =>
            Entity != null || query.Filters.ContainsKey("ResourceId") ? OfResourceAsync(cloud, query, cancellationToken)
                : base.ListAsync(cloud, query, cancellationToken);

        protected override async Task<Metric> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken)
        {
            try
            {
                return await base.GetAsync(cloud, id, cancellationToken).ConfigureAwait(false);
            }
            catch (Client.Errors.ResourceNotFoundException ex)
            {
                throw new Client.Errors.MetricNotFoundException("metric", id, ex.ServiceMessage, ex);
            }
        }

        private async IAsyncEnumerable<Metric> OfResourceAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var resourceId = query.Filters.TryGetValue("ResourceId", out var given) ? given
                : await Entity!.ResolveIdAsync(cloud, async (text, ct) => (await cloud.ResolveMetricResourceAsync(text, ct).ConfigureAwait(false)).Id, cancellationToken)
                    .ConfigureAwait(false);
            foreach (var metric in await cloud.ListResourceMetricsAsync(resourceId, cancellationToken).ConfigureAwait(false))
                yield return metric;
        }
    }
}
