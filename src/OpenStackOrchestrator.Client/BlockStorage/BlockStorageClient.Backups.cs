using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volume backups (cinder-backup): create, wait, restore, delete.</summary>
    public sealed partial class BlockStorageClient
    {
        private StatusPoller<VolumeBackup>? _backupPoller;

        internal StatusPoller<VolumeBackup> BackupPoller => LazyInitializer.EnsureInitialized(ref _backupPoller, () =>
            new StatusPoller<VolumeBackup>(ct => _cloud.ListResourcesAsync(VolumeBackup.Definition, null, ct), GetBackupAsync, b => b.Id,
                () => (FirstPollInterval, MaxPollInterval)))!;

        public Task<VolumeBackup> GetBackupAsync(string id, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(VolumeBackup.Definition, id, cancellationToken);

        /// <summary>Sends POST /backups; the backup is then creating. An attached volume needs <see cref="BackupCreateRequest.Force"/>
        /// (Cinder refuses it otherwise).</summary>
        public async Task<VolumeBackup> CreateBackupAsync(BackupCreateRequest request, CancellationToken cancellationToken)
        {
            var created = await _cloud.CreateResourceAsync(VolumeBackup.Definition, request, VolumeBackupJson.Default.BackupCreateRequest, cancellationToken).ConfigureAwait(false);
            if (created.Id.Length == 0)
                throw new InvalidResponseException($"Cinder accepted the backup '{request.Name}' but returned no id.") { Service = ServiceTypes.BlockStorage };
            return created;
        }

        /// <summary>Waits until the backup is available; an error status fails with cinder-backup's fail_reason.</summary>
        public async Task<VolumeBackup> WaitForBackupAvailableAsync(string id, Action<VolumeBackup?>? progress, CancellationToken cancellationToken)
        {
            var backup = await BackupPoller.WaitAsync(id, b => b == null || IsError(b.Status) || b.Status == "available", progress, cancellationToken).ConfigureAwait(false);
            if (backup == null)
                throw new VolumeFailedException("backup", id, null, null, $"Backup {id} disappeared while waiting for it to be available.");
            if (IsError(backup.Status))
                throw BackupFailed(backup);
            return backup;
        }

        /// <summary>Sends DELETE /backups/{id} and waits until the backup is gone.</summary>
        public async Task DeleteBackupAsync(string id, Action<VolumeBackup?>? progress, CancellationToken cancellationToken)
        {
            await _cloud.DeleteResourceAsync(VolumeBackup.Definition, id, cancellationToken).ConfigureAwait(false);
            var backup = await BackupPoller.WaitAsync(id, b => b == null || IsError(b.Status), progress, cancellationToken).ConfigureAwait(false);
            if (backup != null)
                throw BackupFailed(backup);
        }

        /// <summary>POST /backups/{id}/restore: into the volume <paramref name="volumeId"/> (overwriting it; it must be
        /// available and at least the backup's size) or, without one, into a new volume named <paramref name="name"/>.
        /// Waits until the volume is available again and returns it.</summary>
        public async Task<Volume> RestoreBackupAsync(string backupId, string? volumeId, string? name, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(_cloud, VolumeBackup.Definition, "Restoring a volume backup", cancellationToken).ConfigureAwait(false);
            var body = "{\"restore\":" + JsonSerializer.Serialize(new BackupRestoreRequest { VolumeId = volumeId, Name = volumeId == null ? name : null },
                VolumeBackupJson.Default.BackupRestoreRequest) + "}";
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, $"/backups/{Uri.EscapeDataString(backupId)}/restore")
            { JsonBody = body, Microversion = version }, cancellationToken).ConfigureAwait(false);
            var restore = response.Json().Obj("restore").Deserialize(VolumeBackupJson.Default.BackupRestore);
            var restoredId = restore?.VolumeId ?? volumeId;
            if (string.IsNullOrEmpty(restoredId))
                throw new InvalidResponseException($"Cinder accepted the restore of backup {backupId} but named no volume.") { Service = ServiceTypes.BlockStorage };
            // The volume is restoring-backup until the data is in; error_restoring fails with Cinder's reason.
            await Task.Delay(FirstPollInterval, cancellationToken).ConfigureAwait(false);
            var volume = await WaitForVolumeStatusAsync(restoredId!, new[] { "available" }, null, progress, cancellationToken).ConfigureAwait(false);
            // The backup is restoring until cinder-backup lets go of it (it cannot be deleted before).
            await BackupPoller.WaitAsync(backupId, b => b == null || b.Status != "restoring", null, cancellationToken).ConfigureAwait(false);
            return volume;
        }

        private static VolumeFailedException BackupFailed(VolumeBackup backup) =>
            new VolumeFailedException("backup", backup.Id, backup.Status, backup.FailReason,
                $"Backup '{backup}' ({backup.Id}) went to {backup.Status}: {backup.FailReason?.TrimEnd('.') ?? "cinder-backup recorded no reason"}.");
    }
}
