using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Remove-OSVolume: deletes volumes and waits until they are gone. An attached volume is an error that
    /// names its server, unless -Force, which detaches it first.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSVolumeCommand : VolumeActionCmdlet
    {
        /// <summary>Detach the volume from its servers first (the guest loses the disk at once).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Operation => Force ? "Detach and delete volume" : "Delete volume";
        protected override string Activity => "Deleting volumes";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            await cloud.BlockStorage.RemoveVolumeAsync(volume, Force, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
            return null;
        }
    }
}
