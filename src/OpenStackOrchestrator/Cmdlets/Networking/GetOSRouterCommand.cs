using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSRouter: Neutron routers by name (wildcards) or id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSRouter", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Client.Networking.Router))]
    public sealed class GetOSRouterCommand : OSTaggedResourceGetCmdlet<Client.Networking.Router>
    {
        protected override ResourceDefinition<Client.Networking.Router> Definition => Client.Networking.Router.Definition;
    }
}
