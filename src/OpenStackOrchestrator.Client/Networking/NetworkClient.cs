using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Neutron v2.0: one partial file per resource, each over its declared definition.</summary>
    public sealed partial class NetworkClient
    {
        private readonly CloudConnection _cloud;

        internal NetworkClient(CloudConnection cloud) => _cloud = cloud;

        /// <summary>Items per list request; 0 (the default) asks for the whole collection in one response, as the CLI and
        /// openstacksdk do. A page size bounds each response on large clouds at the cost of one more request per list.</summary>
        public int PageSize
        {
            get => _cloud.PageSizes.TryGetValue(ServiceTypes.Network, out var size) ? size : 0;
            set => _cloud.PageSizes[ServiceTypes.Network] = value;
        }

        public IAsyncEnumerable<Network> ListNetworksAsync(string? name = null, bool? external = null, int? limit = null,
            CancellationToken cancellationToken = default) =>
            ListNetworksAsync(new NetworkListOptions { Name = name, IsExternal = external, Limit = limit }, cancellationToken);

        public IAsyncEnumerable<Network> ListNetworksAsync(NetworkListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Network.Definition, Query(options.Name, options.Limit)
                .Filter("IsExternal", Flag(options.IsExternal))
                .Filter("IsShared", Flag(options.IsShared)), cancellationToken);

        public Task<Network> GetNetworkAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Network.Definition, id, cancellationToken);

        public Task<Network> ResolveNetworkAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Network.Definition, nameOrId, cancellationToken);

        public Task<Network> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(Network.Definition, request, NetworkingJson.Default.NetworkCreateRequest, cancellationToken);

        public Task<Network> UpdateNetworkAsync(string id, NetworkUpdate update, CancellationToken cancellationToken) =>
            _cloud.UpdateResourceAsync(Network.Definition, id, update, NetworkingJson.Default.NetworkUpdate, cancellationToken);

        /// <summary>Neutron refuses (409, ConflictException) while ports other than its own DHCP ports use the network.</summary>
        public Task DeleteNetworkAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Network.Definition, id, cancellationToken);

        private static ListQuery Query(string? name, int? limit) => new ListQuery { Name = name, Limit = limit };

        private static string? Flag(bool? value) => value.HasValue ? (value.Value ? "true" : "false") : null;
    }
}
