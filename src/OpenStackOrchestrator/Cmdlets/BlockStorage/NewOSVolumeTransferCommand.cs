using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>New-OSVolumeTransfer: offers volumes to another project. The object returned holds the transfer's Id and
    /// AuthKey, which the other project gives to Receive-OSVolumeTransfer; Cinder shows the key this once only.</summary>
    [Cmdlet(VerbsCommon.New, "OSVolumeTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeTransfer), typeof(OSTask))]
    public sealed class NewOSVolumeTransferCommand : VolumeActionCmdlet
    {
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Transfer the volume without its snapshots (Cinder otherwise moves them along).</summary>
        [Parameter]
        public SwitchParameter NoSnapshots { get; set; }

        protected override string Operation => Name != null ? $"Create transfer '{Name}'" : "Create transfer";
        protected override string Activity => "Creating volume transfers";

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (!RunAsync && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                WriteWarning("Keep the AuthKey of the transfer returned: Cinder shows it only now, and Receive-OSVolumeTransfer needs it with the Id.");
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            task.Report(20, "creating the transfer");
            return await VolumeTransfer.CreateAsync(cloud, volume.Id, Name, NoSnapshots, ct).ConfigureAwait(false);
        }
    }
}
