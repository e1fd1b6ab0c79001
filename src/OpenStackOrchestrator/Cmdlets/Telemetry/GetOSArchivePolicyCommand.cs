using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSArchivePolicy: Gnocchi archive policies (granularities kept and aggregation methods) by name.</summary>
    [Cmdlet(VerbsCommon.Get, "OSArchivePolicy", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(ArchivePolicy))]
    public sealed class GetOSArchivePolicyCommand : OSResourceGetCmdlet<ArchivePolicy>
    {
        protected override ResourceDefinition<ArchivePolicy> Definition => ArchivePolicy.Definition;
    }
}
