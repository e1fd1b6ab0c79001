using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Add-OSAggregateHost: puts compute hosts into a host aggregate (as Move-VMHost into a cluster; admin). A
    /// host of an aggregate with an availability zone moves to that zone.</summary>
    [Cmdlet(VerbsCommon.Add, "OSAggregateHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Aggregate))]
    public sealed class AddOSAggregateHostCommand : AggregateHostCmdlet
    {
        protected override void ProcessRecord() => ForEachHost("Add compute host", Client.Compute.Aggregate.AddHostAsync);
    }
}
