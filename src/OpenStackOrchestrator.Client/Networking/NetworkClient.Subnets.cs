using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Subnets.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Subnet> ListSubnetsAsync(SubnetListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Name != null) query["name"] = options.Name;
            if (options.NetworkId != null) query["network_id"] = options.NetworkId;
            return ListResourcesAsync("subnets", "subnets", query, options.Limit, j => new Subnet(j, _cloud), cancellationToken);
        }

        public async Task<Subnet> GetSubnetAsync(string id, CancellationToken cancellationToken) =>
            new Subnet(await GetResourceAsync("subnets", id, "subnet", cancellationToken).ConfigureAwait(false), _cloud);

        public Task<Subnet> ResolveSubnetAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("subnet", nameOrId, GetSubnetAsync,
                (name, ct) => NameResolver.ToListAsync(ListSubnetsAsync(new SubnetListOptions { Name = name }, ct)), s => s.Id, s => s.Name, cancellationToken);

        /// <summary>A CIDR that overlaps another subnet of the network is refused by Neutron (400, BadRequestException).</summary>
        public async Task<Subnet> CreateSubnetAsync(SubnetCreateRequest request, CancellationToken cancellationToken) =>
            new Subnet(await CreateResourceAsync("subnets", "subnet", request.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public Task DeleteSubnetAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("subnets", id, cancellationToken);
    }
}
