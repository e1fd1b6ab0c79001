using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Remove-OSVolumeTransfer: withdraws pending volume transfers (the volume stays in its project).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolumeTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSVolumeTransferCommand : OSResourceRemoveCmdlet<VolumeTransfer>
    {
        protected override ResourceDefinition<VolumeTransfer> Definition => VolumeTransfer.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Transfer { get; set; }

        protected override void ProcessRecord() => RemoveEach(Transfer!);
    }
}
