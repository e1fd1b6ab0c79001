using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Waiting for volumes and snapshots, through the connection's shared pollers.</summary>
    public sealed partial class BlockStorageClient
    {
        /// <summary>Waits until the condition holds (null: the volume is gone).</summary>
        public Task<Volume?> WaitForVolumeAsync(string id, Func<Volume?, bool> isDone, Action<Volume?>? progress, CancellationToken cancellationToken) =>
            VolumePoller.WaitAsync(id, isDone, progress, cancellationToken);

        /// <summary>Waits until the volume has one of <paramref name="statuses"/> (and <paramref name="andAlso"/> holds).
        /// An error status fails with Cinder's reason; a volume that disappears fails too.</summary>
        public async Task<Volume> WaitForVolumeStatusAsync(string id, IReadOnlyCollection<string> statuses, Func<Volume, bool>? andAlso,
            Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            var volume = await WaitForVolumeAsync(id,
                v => v == null || IsError(v.Status) || (statuses.Contains(v.Status, StringComparer.OrdinalIgnoreCase) && (andAlso == null || andAlso(v))),
                progress, cancellationToken).ConfigureAwait(false);
            if (volume == null)
                throw new VolumeFailedException("volume", id, null, null, $"Volume {id} disappeared while waiting for it to be {string.Join(" or ", statuses)}.");
            if (IsError(volume.Status))
                throw await FailedAsync("volume", volume.Id, volume.ToString(), volume.Status, cancellationToken).ConfigureAwait(false);
            return volume;
        }

        /// <summary>Waits until the volume no longer exists; error_deleting fails with Cinder's reason.</summary>
        public async Task WaitForVolumeDeletedAsync(string id, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            var volume = await WaitForVolumeAsync(id, v => v == null || IsError(v.Status), progress, cancellationToken).ConfigureAwait(false);
            if (volume != null)
                throw await FailedAsync("volume", volume.Id, volume.ToString(), volume.Status, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Waits until the snapshot is available; an error status fails with Cinder's reason.</summary>
        public async Task<VolumeSnapshot> WaitForSnapshotAvailableAsync(string id, Action<VolumeSnapshot?>? progress, CancellationToken cancellationToken)
        {
            var snapshot = await SnapshotPoller.WaitAsync(id, s => s == null || IsError(s.Status) || s.Status == "available", progress, cancellationToken).ConfigureAwait(false);
            if (snapshot == null)
                throw new VolumeFailedException("snapshot", id, null, null, $"Snapshot {id} disappeared while waiting for it to be available.");
            if (IsError(snapshot.Status))
                throw await FailedAsync("snapshot", snapshot.Id, snapshot.ToString(), snapshot.Status, cancellationToken).ConfigureAwait(false);
            return snapshot;
        }

        /// <summary>Waits until the snapshot no longer exists; error_deleting fails with Cinder's reason.</summary>
        public async Task WaitForSnapshotDeletedAsync(string id, Action<VolumeSnapshot?>? progress, CancellationToken cancellationToken)
        {
            var snapshot = await SnapshotPoller.WaitAsync(id, s => s == null || IsError(s.Status), progress, cancellationToken).ConfigureAwait(false);
            if (snapshot != null)
                throw await FailedAsync("snapshot", snapshot.Id, snapshot.ToString(), snapshot.Status, cancellationToken).ConfigureAwait(false);
        }

        // error, error_extending, error_deleting, error_restoring, error_backing-up, error_managing...
        private static bool IsError(string status) => status.StartsWith("error", StringComparison.OrdinalIgnoreCase);

        private async Task<VolumeFailedException> FailedAsync(string kind, string id, string name, string status, CancellationToken cancellationToken)
        {
            var reason = await GetFailureReasonAsync(id, cancellationToken).ConfigureAwait(false);
            return new VolumeFailedException(kind, id, status, reason,
                $"{char.ToUpperInvariant(kind[0])}{kind.Substring(1)} '{name}' ({id}) went to {status}: {reason?.TrimEnd('.') ?? "Cinder recorded no message saying why"}.");
        }
    }
}
