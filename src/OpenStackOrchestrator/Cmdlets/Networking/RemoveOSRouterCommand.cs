using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSRouter: deletes routers; Neutron refuses while one has interfaces (Remove-OSRouterInterface first).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterCommand : OSResourceRemoveCmdlet<Client.Networking.Router>
    {
        protected override ResourceDefinition<Client.Networking.Router> Definition => Client.Networking.Router.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Router { get; set; }

        protected override void ProcessRecord() => RemoveEach(Router!);
    }
}
