using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSSubnet: deletes subnets; Neutron refuses while ports have addresses on one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSubnetCommand : OSResourceRemoveCmdlet<Client.Networking.Subnet>
    {
        protected override ResourceDefinition<Client.Networking.Subnet> Definition => Client.Networking.Subnet.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Subnet { get; set; }

        protected override void ProcessRecord() => RemoveEach(Subnet!);
    }
}
