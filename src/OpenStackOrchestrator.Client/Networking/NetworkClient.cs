using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Neutron v2.0: one partial file per resource.</summary>
    public sealed partial class NetworkClient
    {
        private readonly CloudConnection _cloud;

        internal NetworkClient(CloudConnection cloud) => _cloud = cloud;

        public IAsyncEnumerable<Network> ListNetworksAsync(string? name = null, bool? external = null, int? limit = null,
            CancellationToken cancellationToken = default) =>
            ListNetworksAsync(new NetworkListOptions { Name = name, IsExternal = external, Limit = limit }, cancellationToken);

        public IAsyncEnumerable<Network> ListNetworksAsync(NetworkListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Name != null) query["name"] = options.Name;
            if (options.IsExternal.HasValue) query["router:external"] = options.IsExternal.Value ? "true" : "false";
            if (options.IsShared.HasValue) query["shared"] = options.IsShared.Value ? "true" : "false";
            return ListResourcesAsync("networks", "networks", query, options.Limit, j => new Network(j, _cloud), cancellationToken);
        }

        public async Task<Network> GetNetworkAsync(string id, CancellationToken cancellationToken) =>
            new Network(await GetResourceAsync("networks", id, "network", cancellationToken).ConfigureAwait(false), _cloud);

        public Task<Network> ResolveNetworkAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("network", nameOrId, GetNetworkAsync,
                (name, ct) => NameResolver.ToListAsync(ListNetworksAsync(name, cancellationToken: ct)), n => n.Id, n => n.Name, cancellationToken);

        public async Task<Network> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken) =>
            new Network(await CreateResourceAsync("networks", "network", request.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public async Task<Network> UpdateNetworkAsync(string id, NetworkUpdate update, CancellationToken cancellationToken) =>
            new Network(await UpdateResourceAsync("networks", id, "network", update.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        /// <summary>Neutron refuses (409, ConflictException) while ports other than its own DHCP ports use the network.</summary>
        public Task DeleteNetworkAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("networks", id, cancellationToken);
    }
}
