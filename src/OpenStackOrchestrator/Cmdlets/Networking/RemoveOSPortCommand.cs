using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSPort: deletes ports (a server's port is detached from it by the deletion).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSPortCommand : OSResourceRemoveCmdlet<Client.Networking.Port>
    {
        protected override ResourceDefinition<Client.Networking.Port> Definition => Client.Networking.Port.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Port { get; set; }

        protected override void ProcessRecord() => RemoveEach(Port!);
    }
}
