using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSHypervisor: Nova's hypervisors (compute nodes) by name (wildcards) or id, as PowerCLI's Get-VMHost
    /// shows hosts; admin only. Piped to Get-OSServer, the servers on them; to Set-OSComputeService, maintenance mode.</summary>
    [Cmdlet(VerbsCommon.Get, "OSHypervisor", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Hypervisor))]
    public sealed class GetOSHypervisorCommand : OSResourceGetCmdlet<Hypervisor>
    {
        protected override ResourceDefinition<Hypervisor> Definition => Hypervisor.Definition;
    }
}
