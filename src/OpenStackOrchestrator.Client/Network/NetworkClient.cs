using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Network
{
    /// <summary>Neutron v2.0.</summary>
    public sealed partial class NetworkClient
    {
        private readonly CloudConnection _cloud;

        internal NetworkClient(CloudConnection cloud) => _cloud = cloud;

        public async IAsyncEnumerable<Network> ListNetworksAsync(string? name = null, bool? external = null, int? limit = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var query = new Dictionary<string, string>();
            if (name != null) query["name"] = name;
            if (external.HasValue) query["router:external"] = external.Value ? "true" : "false";
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Network, "/v2.0/networks", "networks", query, limit, null, cancellationToken).ConfigureAwait(false))
                yield return new Network(item, _cloud);
        }

        public async Task<Network> GetNetworkAsync(string id, CancellationToken cancellationToken)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Network, "/v2.0/networks/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
            return new Network(json.GetProperty("network"), _cloud);
        }

        public Task<Network> ResolveNetworkAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("network", nameOrId, GetNetworkAsync,
                (name, ct) => NameResolver.ToListAsync(ListNetworksAsync(name, cancellationToken: ct)), n => n.Id, n => n.Name, cancellationToken);
    }
}
