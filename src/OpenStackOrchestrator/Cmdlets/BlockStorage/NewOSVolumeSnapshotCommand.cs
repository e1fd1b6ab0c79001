using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>New-OSVolumeSnapshot: snapshots volumes (attached ones too) and waits until the snapshots are available.</summary>
    [Cmdlet(VerbsCommon.New, "OSVolumeSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VolumeSnapshot), typeof(OSTask))]
    public sealed class NewOSVolumeSnapshotCommand : VolumeActionCmdlet
    {
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        protected override string Operation => Name != null ? $"Create snapshot '{Name}'" : "Create snapshot";
        protected override string Activity => "Creating volume snapshots";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            var metadata = new Dictionary<string, string>();
            if (Metadata != null)
                foreach (DictionaryEntry entry in Metadata)
                    metadata[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Metadata), entry.Key.ToString()!, entry.Value) ?? "";
            var snapshot = await cloud.BlockStorage.CreateSnapshotAsync(volume.Id, Name, Description, metadata, ct).ConfigureAwait(false);
            task.Report(10, snapshot.Status);
            return await cloud.BlockStorage.WaitForSnapshotAvailableAsync(snapshot.Id, s => VolumeProgress.Report(task, s), ct).ConfigureAwait(false);
        }
    }
}
