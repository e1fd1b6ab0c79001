using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volume snapshots: list, get, create, delete.</summary>
    public sealed partial class BlockStorageClient
    {
        public async IAsyncEnumerable<VolumeSnapshot> ListSnapshotsAsync(SnapshotListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var version = await VersionAsync("Listing volume snapshots", cancellationToken).ConfigureAwait(false);
            var query = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(options.Name)) query["name"] = options.Name!;
            if (!string.IsNullOrEmpty(options.Status)) query["status"] = options.Status!.ToLowerInvariant();
            if (!string.IsNullOrEmpty(options.VolumeId)) query["volume_id"] = options.VolumeId!;
            await foreach (var item in _cloud.ListAsync(ServiceTypes.BlockStorage, "/snapshots/detail", "snapshots", query, options.Limit, version, cancellationToken).ConfigureAwait(false))
                yield return new VolumeSnapshot(item, _cloud);
        }

        public async Task<VolumeSnapshot> GetSnapshotAsync(string id, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Getting a volume snapshot", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.BlockStorage, "/snapshots/" + Uri.EscapeDataString(id), cancellationToken, version).ConfigureAwait(false);
            return new VolumeSnapshot(json.GetProperty("snapshot"), _cloud);
        }

        public Task<VolumeSnapshot> ResolveSnapshotAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("volume snapshot", nameOrId, GetSnapshotAsync,
                (name, ct) => NameResolver.ToListAsync(ListSnapshotsAsync(new SnapshotListOptions { Name = name }, ct)), s => s.Id, s => s.Name, cancellationToken);

        /// <summary>Sends POST /snapshots and returns the new snapshot (it is then creating). An attached volume can be
        /// snapshotted: before microversion 3.66 that takes force=true, from 3.66 on the flag is not sent.</summary>
        public async Task<VolumeSnapshot> CreateSnapshotAsync(string volumeId, string? name, string? description, IDictionary<string, string>? metadata,
            CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Creating a volume snapshot", cancellationToken).ConfigureAwait(false);
            var snapshot = new Dictionary<string, object> { ["volume_id"] = volumeId };
            if (name != null) snapshot["name"] = name;
            if (description != null) snapshot["description"] = description;
            if (metadata != null && metadata.Count > 0) snapshot["metadata"] = metadata;
            if (ApiVersion.Parse(version) < ApiVersion.Parse(SnapshotWithoutForceMicroversion))
                snapshot["force"] = true;
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["snapshot"] = snapshot });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.BlockStorage, "/snapshots") { JsonBody = body, Microversion = version },
                cancellationToken).ConfigureAwait(false);
            var created = response.Json().Obj("snapshot");
            if (created.Str("id") == null)
                throw new InvalidResponseException($"Cinder accepted the snapshot '{name}' but returned no id.") { RequestId = response.RequestId, Url = response.Url };
            return new VolumeSnapshot(created, _cloud);
        }

        public async Task DeleteSnapshotAsync(string id, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Deleting a volume snapshot", cancellationToken).ConfigureAwait(false);
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.BlockStorage, "/snapshots/" + Uri.EscapeDataString(id)) { Microversion = version },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
