using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volume types (the ones the project may use: public ones and those shared with it).</summary>
    public sealed partial class BlockStorageClient
    {
        public async IAsyncEnumerable<VolumeType> ListVolumeTypesAsync(int? limit = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var version = await VersionAsync("Listing volume types", cancellationToken).ConfigureAwait(false);
            await foreach (var item in _cloud.ListAsync(ServiceTypes.BlockStorage, "/types", "volume_types", null, limit, version, cancellationToken).ConfigureAwait(false))
                yield return new VolumeType(item, _cloud);
        }

        public async Task<VolumeType> GetVolumeTypeAsync(string id, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Getting a volume type", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.BlockStorage, "/types/" + Uri.EscapeDataString(id), cancellationToken, version).ConfigureAwait(false);
            return new VolumeType(json.GetProperty("volume_type"), _cloud);
        }

        public Task<VolumeType> ResolveVolumeTypeAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("volume type", nameOrId, GetVolumeTypeAsync,
                (name, ct) => NameResolver.ToListAsync(ListVolumeTypesAsync(null, ct)), t => t.Id, t => t.Name, cancellationToken);
    }
}
