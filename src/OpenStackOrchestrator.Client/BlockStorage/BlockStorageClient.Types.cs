using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Volume types (the ones the project may use: public ones and those shared with it).</summary>
    public sealed partial class BlockStorageClient
    {
        public IAsyncEnumerable<VolumeType> ListVolumeTypesAsync(int? limit = null, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(VolumeType.Definition, new ListQuery { Limit = limit }, cancellationToken);

        public Task<VolumeType> GetVolumeTypeAsync(string id, CancellationToken cancellationToken) =>
            _cloud.GetResourceAsync(VolumeType.Definition, id, cancellationToken);

        public Task<VolumeType> ResolveVolumeTypeAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(VolumeType.Definition, nameOrId, cancellationToken);
    }
}
