using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>New-OSVolumeBackup: backs volumes up with cinder-backup (full or -Incremental, of the volume or of one of
    /// its snapshots) and waits until the backups are available.</summary>
    [Cmdlet(VerbsCommon.New, "OSVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeBackup), typeof(OSTask))]
    public sealed class NewOSVolumeBackupCommand : VolumeActionCmdlet
    {
        private string? _snapshotId;

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Only what changed since the volume's last backup (there must be a full one).</summary>
        [Parameter]
        public SwitchParameter Incremental { get; set; }

        /// <summary>Back up an attached (in-use) volume too: Cinder refuses one without it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Back up this snapshot of the volume (a name, id or snapshot object) instead of the volume itself.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeSnapshotNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Snapshot { get; set; }

        protected override string Operation => (Incremental ? "Create incremental backup" : "Create backup") + (Name != null ? $" '{Name}'" : "");
        protected override string Activity => "Backing up volumes";

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (Snapshot != null)
                _snapshotId = await Snapshot.IdOnAsync(cloud, VolumeSnapshot.Definition, ct).ConfigureAwait(false);
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            var request = new BackupCreateRequest
            {
                VolumeId = volume.Id,
                Name = Name,
                Description = Description,
                Incremental = Incremental ? true : (bool?)null,
                Force = Force ? true : (bool?)null,
                SnapshotId = _snapshotId,
            };
            var backup = await cloud.BlockStorage.CreateBackupAsync(request, ct).ConfigureAwait(false);
            task.Report(10, backup.Status);
            return await cloud.BlockStorage.WaitForBackupAvailableAsync(backup.Id, b => VolumeProgress.Report(task, b), ct).ConfigureAwait(false);
        }
    }
}
