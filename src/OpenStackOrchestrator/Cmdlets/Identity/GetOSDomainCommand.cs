using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSDomain: Keystone domains by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDomain", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Domain))]
    public sealed class GetOSDomainCommand : OSResourceGetCmdlet<Domain>
    {
        protected override ResourceDefinition<Domain> Definition => Domain.Definition;
    }
}
