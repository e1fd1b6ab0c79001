using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Subnets, through the declared <see cref="Subnet.Definition"/>.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Subnet> ListSubnetsAsync(SubnetListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Subnet.Definition, Query(options.Name, options.Limit).Filter("NetworkId", options.NetworkId), cancellationToken);

        public Task<Subnet> GetSubnetAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Subnet.Definition, id, cancellationToken);

        public Task<Subnet> ResolveSubnetAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Subnet.Definition, nameOrId, cancellationToken);

        /// <summary>A CIDR that overlaps another subnet of the network is refused by Neutron (400, BadRequestException).</summary>
        public Task<Subnet> CreateSubnetAsync(SubnetCreateRequest request, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(Subnet.Definition, request, NetworkingJson.Default.SubnetCreateRequest, cancellationToken);

        public Task DeleteSubnetAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Subnet.Definition, id, cancellationToken);
    }
}
