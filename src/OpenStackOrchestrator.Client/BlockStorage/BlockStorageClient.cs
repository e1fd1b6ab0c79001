using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Cinder (block storage) v3: volumes, snapshots, types, quotas; attachments go through Nova.</summary>
    public sealed partial class BlockStorageClient
    {
        // 3.3 gives user messages (why a volume failed); 3.42 extends attached volumes; at 3.66 a snapshot of an
        // attached volume needs no force flag. Older clouds get what they offer.
        internal const string WantedMicroversion = "3.66";
        internal const string BaseMicroversion = "3.0";
        internal const string MessagesMicroversion = "3.3";
        internal const string ExtendAttachedMicroversion = "3.42";
        internal const string SnapshotWithoutForceMicroversion = "3.66";
        private readonly CloudConnection _cloud;
        private StatusPoller<Volume>? _volumePoller;
        private StatusPoller<VolumeSnapshot>? _snapshotPoller;

        internal BlockStorageClient(CloudConnection cloud) => _cloud = cloud;

        internal TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
        internal TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(3);

        internal StatusPoller<Volume> VolumePoller => LazyInitializer.EnsureInitialized(ref _volumePoller, () =>
            new StatusPoller<Volume>(ct => ListVolumesAsync(new VolumeListOptions(), ct), GetVolumeAsync, v => v.Id, () => (FirstPollInterval, MaxPollInterval)))!;

        internal StatusPoller<VolumeSnapshot> SnapshotPoller => LazyInitializer.EnsureInitialized(ref _snapshotPoller, () =>
            new StatusPoller<VolumeSnapshot>(ct => ListSnapshotsAsync(new SnapshotListOptions(), ct), GetSnapshotAsync, s => s.Id, () => (FirstPollInterval, MaxPollInterval)))!;

        /// <summary>Rounds of status requests made by volume and snapshot waits on this connection (diagnostics and tests).</summary>
        public int WaitPollRounds => (_volumePoller?.Rounds ?? 0) + (_snapshotPoller?.Rounds ?? 0);

        /// <summary>Requests those rounds took (one list per round when many are watched).</summary>
        public int WaitPollRequests => (_volumePoller?.Requests ?? 0) + (_snapshotPoller?.Requests ?? 0);

        private Task<string> VersionAsync(string operation, CancellationToken cancellationToken, string required = BaseMicroversion) =>
            _cloud.NegotiateMicroversionAsync(ServiceTypes.BlockStorage, required, WantedMicroversion, operation, cancellationToken);

        /// <summary>Why Cinder failed an operation on a volume or snapshot: its newest user message (microversion 3.3),
        /// or null when the cloud has none or cannot say.</summary>
        public async Task<string?> GetFailureReasonAsync(string resourceId, CancellationToken cancellationToken)
        {
            try
            {
                var range = await _cloud.GetMicroversionRangeAsync(ServiceTypes.BlockStorage, cancellationToken).ConfigureAwait(false);
                if (range != null && range.Max < ApiVersion.Parse(MessagesMicroversion))
                    return null;
                var version = await VersionAsync("Reading messages", cancellationToken, MessagesMicroversion).ConfigureAwait(false);
                var messages = await NameResolver.ToListAsync(_cloud.ListAsync(ServiceTypes.BlockStorage, "/messages", "messages",
                    new Dictionary<string, string> { ["resource_uuid"] = resourceId }, null, version, cancellationToken)).ConfigureAwait(false);
                return messages.OrderByDescending(m => m.Time("created_at") ?? DateTime.MinValue).Select(m => m.Str("user_message")).FirstOrDefault(m => m != null);
            }
            catch (OpenStackException)
            {
                return null;   // the reason is a courtesy: failing to read it must not hide the failure itself
            }
        }
    }
}
