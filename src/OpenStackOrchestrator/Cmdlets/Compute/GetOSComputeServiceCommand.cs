using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSComputeService: Nova's services (nova-compute, nova-scheduler...) by host (wildcards) and binary;
    /// admin only. A hypervisor piped in gives its nova-compute service.</summary>
    [Cmdlet(VerbsCommon.Get, "OSComputeService", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(ComputeService))]
    public sealed class GetOSComputeServiceCommand : OSResourceQueryCmdlet<ComputeService>
    {
        protected override ResourceDefinition<ComputeService> Definition => ComputeService.Definition;

        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public string[]? Host { get; set; }

        /// <summary>Only the services of this binary (nova-compute, nova-scheduler, nova-conductor).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? Binary { get; set; }

        /// <summary>A host name, a compute service, or a hypervisor (its nova-compute service).</summary>
        [Parameter(ParameterSetName = "Name", ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        private Hypervisor? _pipedHypervisor;

        protected override string[]? Names => _pipedHypervisor != null ? new[] { _pipedHypervisor.Host ?? _pipedHypervisor.Name } : Host;
        protected override PSObject? Input => _pipedHypervisor != null ? null : InputObject;

        protected override void ProcessRecord()
        {
            _pipedHypervisor = InputObject?.BaseObject as Hypervisor;
            InCloud(_pipedHypervisor?.Cloud, base.ProcessRecord);
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Binary", Binary ?? (_pipedHypervisor != null ? "nova-compute" : null));
            return true;
        }

        protected override Task<ComputeService> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            ComputeService.GetAsync(cloud, id, cancellationToken);
    }
}
