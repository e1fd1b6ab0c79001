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
    /// <summary>Set-OSVolume: renames volumes, changes their description and metadata, and grows them with -SizeGB
    /// (Set-HardDisk -CapacityGB), waiting until Cinder reports the new size.</summary>
    [Cmdlet(VerbsCommon.Set, "OSVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Volume), typeof(OSTask))]
    public sealed class SetOSVolumeCommand : VolumeActionCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>Keys to set (merged with the existing metadata; a $null value removes the key).</summary>
        [Parameter]
        [ValidateNotNull]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        /// <summary>The new size: volumes only grow.</summary>
        [Parameter]
        [Alias("CapacityGB")]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int SizeGB { get; set; }

        /// <summary>Whether servers can boot from the volume (Cinder's os-set_bootable).</summary>
        [Parameter]
        public bool? Bootable { get; set; }

        /// <summary>Whether servers attach the volume read-only (Cinder's os-update_readonly_flag; the volume must not be attached).</summary>
        [Parameter]
        public bool? ReadOnly { get; set; }

        protected override string Operation => SizeGB > 0 ? $"Extend volume to {SizeGB} GB" : "Set volume properties";
        protected override string Activity => "Changing volumes";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            var storage = cloud.BlockStorage;
            if (SizeGB > 0)
            {
                task.Report(10, "extending");
                volume = await storage.ExtendVolumeAsync(volume, SizeGB, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
            }
            await storage.UpdateVolumeAsync(volume.Id, Name, Description, ct).ConfigureAwait(false);
            if (Bootable.HasValue && Bootable.Value != volume.Bootable)
                await storage.SetBootableAsync(volume.Id, Bootable.Value, ct).ConfigureAwait(false);
            if (ReadOnly.HasValue && ReadOnly.Value != volume.ReadOnly)
                await storage.SetReadOnlyAsync(volume.Id, ReadOnly.Value, ct).ConfigureAwait(false);
            if (Metadata != null)
                await SetMetadataAsync(storage, volume.Id, ct).ConfigureAwait(false);
            return await storage.NameServersAsync(await storage.GetVolumeAsync(volume.Id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }

        private async Task SetMetadataAsync(BlockStorageClient storage, string volumeId, CancellationToken ct)
        {
            var set = new Dictionary<string, string>();
            foreach (DictionaryEntry entry in Metadata!)
            {
                var key = entry.Key.ToString()!;
                if (entry.Value == null)
                    await storage.DeleteVolumeMetadataKeyAsync(volumeId, key, ct).ConfigureAwait(false);
                else
                    set[key] = InputChecks.ScalarText(nameof(Metadata), entry.Key.ToString()!, entry.Value) ?? "";
            }
            if (set.Count > 0)
                await storage.SetVolumeMetadataAsync(volumeId, set, replace: false, ct).ConfigureAwait(false);
        }
    }
}
