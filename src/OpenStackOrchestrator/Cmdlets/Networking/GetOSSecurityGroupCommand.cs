using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSecurityGroup: security groups, with their rules, by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSecurityGroup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Client.Networking.SecurityGroup))]
    public sealed class GetOSSecurityGroupCommand : OSTaggedResourceGetCmdlet<Client.Networking.SecurityGroup>
    {
        protected override ResourceDefinition<Client.Networking.SecurityGroup> Definition => Client.Networking.SecurityGroup.Definition;
    }
}
