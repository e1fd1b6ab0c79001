using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSAggregate: Nova host aggregates (PowerCLI's Get-Cluster) by name (wildcards) or id (admin).</summary>
    [Cmdlet(VerbsCommon.Get, "OSAggregate", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Aggregate))]
    public sealed class GetOSAggregateCommand : OSResourceGetCmdlet<Aggregate>
    {
        protected override ResourceDefinition<Aggregate> Definition => Aggregate.Definition;
    }
}
