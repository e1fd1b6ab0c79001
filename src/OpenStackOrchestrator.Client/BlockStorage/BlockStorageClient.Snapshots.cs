using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volume snapshots: list, get, create, delete.</summary>
    public sealed partial class BlockStorageClient
    {
        public IAsyncEnumerable<VolumeSnapshot> ListSnapshotsAsync(SnapshotListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(VolumeSnapshot.Definition, new ListQuery { Name = NullIfEmpty(options.Name), Limit = options.Limit }
                .Filter("Status", NullIfEmpty(options.Status)?.ToLowerInvariant())
                .Filter("VolumeId", NullIfEmpty(options.VolumeId)), cancellationToken);

        public Task<VolumeSnapshot> GetSnapshotAsync(string id, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(VolumeSnapshot.Definition, id, cancellationToken);

        public Task<VolumeSnapshot> ResolveSnapshotAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(VolumeSnapshot.Definition, nameOrId, cancellationToken);

        /// <summary>Sends POST /snapshots and returns the new snapshot (it is then creating). An attached volume can be
        /// snapshotted: before microversion 3.66 that takes force=true, from 3.66 on the flag is not sent.</summary>
        public async Task<VolumeSnapshot> CreateSnapshotAsync(string volumeId, string? name, string? description, IDictionary<string, string>? metadata,
            CancellationToken cancellationToken)
        {
            var version = await ResourceClient.MicroversionAsync(_cloud, VolumeSnapshot.Definition, "Creating a volume snapshot", cancellationToken).ConfigureAwait(false);
            var request = new SnapshotCreateRequest
            {
                VolumeId = volumeId,
                Name = name,
                Description = description,
                Metadata = metadata != null && metadata.Count > 0 ? metadata : null,
                Force = version != null && ApiVersion.Parse(version) < ApiVersion.Parse(SnapshotWithoutForceMicroversion) ? true : (bool?)null,
            };
            var created = await _cloud.CreateResourceAsync(VolumeSnapshot.Definition, request, BlockStorageJson.Default.SnapshotCreateRequest, cancellationToken).ConfigureAwait(false);
            if (created.Id.Length == 0)
                throw new InvalidResponseException($"Cinder accepted the snapshot '{name}' but returned no id.") { Service = ServiceTypes.BlockStorage };
            return created;
        }

        public Task DeleteSnapshotAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(VolumeSnapshot.Definition, id, cancellationToken);

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
