using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Floating IPs, through the declared <see cref="FloatingIP.Definition"/>.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<FloatingIP> ListFloatingIPsAsync(FloatingIPListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(FloatingIP.Definition, Query(options.Address, options.Limit)
                .Filter("PortId", options.PortId)
                .Filter("FloatingNetworkId", options.FloatingNetworkId), cancellationToken);

        public Task<FloatingIP> GetFloatingIPAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(FloatingIP.Definition, id, cancellationToken);

        /// <summary>By id or by address.</summary>
        public Task<FloatingIP> ResolveFloatingIPAsync(string addressOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(FloatingIP.Definition, addressOrId, cancellationToken);

        /// <summary>Allocates an address of <paramref name="networkId"/> (a given one needs an admin by default policy),
        /// associated at once with <paramref name="portId"/> when one is given.</summary>
        public Task<FloatingIP> CreateFloatingIPAsync(string networkId, string? address, string? portId, string? description, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(FloatingIP.Definition,
                new FloatingIPCreateRequest { FloatingNetworkId = networkId, Address = address, PortId = portId, Description = description },
                NetworkingJson.Default.FloatingIPCreateRequest, cancellationToken);

        /// <summary>Maps the floating IP to a port (its first fixed IP unless one is given); a null port disassociates.
        /// Neutron refuses (404) a port whose subnet has no router to the floating IP's network.</summary>
        public Task<FloatingIP> AssociateFloatingIPAsync(string id, string? portId, string? fixedIPAddress, CancellationToken cancellationToken) =>
            _cloud.UpdateResourceAsync(FloatingIP.Definition, id, new FloatingIPAssociation { PortId = portId, FixedIPAddress = portId == null ? null : fixedIPAddress },
                NetworkingJson.Default.FloatingIPAssociation, cancellationToken);

        public Task DeleteFloatingIPAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(FloatingIP.Definition, id, cancellationToken);
    }
}
