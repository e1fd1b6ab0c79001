using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSRole: Keystone roles by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRole", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Role))]
    public sealed class GetOSRoleCommand : OSResourceGetCmdlet<Role>
    {
        protected override ResourceDefinition<Role> Definition => Role.Definition;
    }
}
