using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeTransfer: the project's pending volume transfers by name (wildcards) or id, or those of piped
    /// volumes. Cinder never shows a transfer's auth key again: only New-OSVolumeTransfer's object has it.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeTransfer", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeTransfer))]
    public sealed class GetOSVolumeTransferCommand : OSResourceGetCmdlet<VolumeTransfer>
    {
        protected override ResourceDefinition<VolumeTransfer> Definition => VolumeTransfer.Definition;
    }
}
