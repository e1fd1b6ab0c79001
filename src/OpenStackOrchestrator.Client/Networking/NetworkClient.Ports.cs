using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Ports.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Port> ListPortsAsync(PortListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Name != null) query["name"] = options.Name;
            if (options.NetworkId != null) query["network_id"] = options.NetworkId;
            if (options.DeviceId != null) query["device_id"] = options.DeviceId;
            if (options.DeviceOwner != null) query["device_owner"] = options.DeviceOwner;
            if (options.IPAddress != null) query["fixed_ips"] = "ip_address=" + options.IPAddress;
            return ListResourcesAsync("ports", "ports", query, options.Limit, j => new Port(j, _cloud), cancellationToken);
        }

        public async Task<Port> GetPortAsync(string id, CancellationToken cancellationToken) =>
            new Port(await GetResourceAsync("ports", id, "port", cancellationToken).ConfigureAwait(false), _cloud);

        public Task<Port> ResolvePortAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("port", nameOrId, GetPortAsync,
                (name, ct) => NameResolver.ToListAsync(ListPortsAsync(new PortListOptions { Name = name }, ct)), p => p.Id, p => p.Name, cancellationToken);

        public async Task<Port> CreatePortAsync(PortCreateRequest request, CancellationToken cancellationToken) =>
            new Port(await CreateResourceAsync("ports", "port", request.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public async Task<Port> UpdatePortAsync(string id, PortUpdate update, CancellationToken cancellationToken) =>
            new Port(await UpdateResourceAsync("ports", id, "port", update.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public Task DeletePortAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("ports", id, cancellationToken);
    }
}
