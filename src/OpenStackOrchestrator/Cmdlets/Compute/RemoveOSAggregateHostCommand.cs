using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSAggregateHost: takes compute hosts out of a host aggregate (admin); their servers keep running.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSAggregateHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Aggregate))]
    public sealed class RemoveOSAggregateHostCommand : AggregateHostCmdlet
    {
        protected override void ProcessRecord() => ForEachHost("Remove compute host", Client.Compute.Aggregate.RemoveHostAsync);
    }
}
