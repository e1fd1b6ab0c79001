using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSNetwork: deletes networks with their subnets; Neutron refuses while ports use one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSNetworkCommand : OSResourceRemoveCmdlet<Client.Networking.Network>
    {
        protected override ResourceDefinition<Client.Networking.Network> Definition => Client.Networking.Network.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Network { get; set; }

        protected override void ProcessRecord() => RemoveEach(Network!);
    }
}
