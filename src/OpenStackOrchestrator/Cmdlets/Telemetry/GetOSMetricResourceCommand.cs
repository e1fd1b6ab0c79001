using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSMetricResource: Gnocchi resources (what metrics are about: servers, volumes, anything of a
    /// resource type) by name (wildcards), id or original resource id, of every type or of one (-Type).</summary>
    [Cmdlet(VerbsCommon.Get, "OSMetricResource", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(MetricResource))]
    public sealed class GetOSMetricResourceCommand : OSResourceGetCmdlet<MetricResource>
    {
        private ResourceDefinition<MetricResource>? _typed;

        protected override ResourceDefinition<MetricResource> Definition => _typed ?? MetricResource.Definition;

        /// <summary>The resource type (generic: every resource, with the attributes common to all).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Type { get; set; }

        protected override void BeginProcessing()
        {
            if (Type != null && Type != MetricResource.GenericType)
                _typed = MetricResource.OfType(Type);
            base.BeginProcessing();
        }

        protected override async Task<MetricResource> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken)
        {
            try
            {
                return await base.GetAsync(cloud, id, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                throw new MetricNotFoundException("metric resource", id, ex.ServiceMessage, ex);
            }
        }
    }
}
