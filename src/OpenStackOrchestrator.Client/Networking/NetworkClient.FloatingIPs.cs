using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Floating IPs.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<FloatingIP> ListFloatingIPsAsync(FloatingIPListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Address != null) query["floating_ip_address"] = options.Address;
            if (options.PortId != null) query["port_id"] = options.PortId;
            if (options.FloatingNetworkId != null) query["floating_network_id"] = options.FloatingNetworkId;
            return ListResourcesAsync("floatingips", "floatingips", query, options.Limit, j => new FloatingIP(j, _cloud), cancellationToken);
        }

        public async Task<FloatingIP> GetFloatingIPAsync(string id, CancellationToken cancellationToken) =>
            new FloatingIP(await GetResourceAsync("floatingips", id, "floatingip", cancellationToken).ConfigureAwait(false), _cloud);

        /// <summary>By id or by address.</summary>
        public Task<FloatingIP> ResolveFloatingIPAsync(string addressOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("floating IP", addressOrId, GetFloatingIPAsync,
                (address, ct) => NameResolver.ToListAsync(ListFloatingIPsAsync(new FloatingIPListOptions { Address = address }, ct)), f => f.Id, f => f.Address, cancellationToken);

        /// <summary>Allocates an address of <paramref name="networkId"/> (a given one needs an admin by default policy),
        /// associated at once with <paramref name="portId"/> when one is given.</summary>
        public async Task<FloatingIP> CreateFloatingIPAsync(string networkId, string? address, string? portId, string? description, CancellationToken cancellationToken)
        {
            var fields = new Dictionary<string, object?> { ["floating_network_id"] = networkId };
            if (address != null) fields["floating_ip_address"] = address;
            if (portId != null) fields["port_id"] = portId;
            if (description != null) fields["description"] = description;
            return new FloatingIP(await CreateResourceAsync("floatingips", "floatingip", fields, cancellationToken).ConfigureAwait(false), _cloud);
        }

        /// <summary>Maps the floating IP to a port (its first fixed IP unless one is given); a null port disassociates.
        /// Neutron refuses (404) a port whose subnet has no router to the floating IP's network.</summary>
        public async Task<FloatingIP> AssociateFloatingIPAsync(string id, string? portId, string? fixedIPAddress, CancellationToken cancellationToken)
        {
            var fields = new Dictionary<string, object?> { ["port_id"] = portId };
            if (portId != null && fixedIPAddress != null) fields["fixed_ip_address"] = fixedIPAddress;
            return new FloatingIP(await UpdateResourceAsync("floatingips", id, "floatingip", fields, cancellationToken).ConfigureAwait(false), _cloud);
        }

        public Task DeleteFloatingIPAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("floatingips", id, cancellationToken);
    }
}
