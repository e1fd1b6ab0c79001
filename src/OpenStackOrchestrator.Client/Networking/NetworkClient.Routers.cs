using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Routers and their interfaces.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Router> ListRoutersAsync(RouterListOptions options, CancellationToken cancellationToken = default)
        {
            var query = Query();
            if (options.Name != null) query["name"] = options.Name;
            return ListResourcesAsync("routers", "routers", query, options.Limit, j => new Router(j, _cloud), cancellationToken);
        }

        public async Task<Router> GetRouterAsync(string id, CancellationToken cancellationToken) =>
            new Router(await GetResourceAsync("routers", id, "router", cancellationToken).ConfigureAwait(false), _cloud);

        public Task<Router> ResolveRouterAsync(string nameOrId, CancellationToken cancellationToken) =>
            NameResolver.ResolveOneAsync("router", nameOrId, GetRouterAsync,
                (name, ct) => NameResolver.ToListAsync(ListRoutersAsync(new RouterListOptions { Name = name }, ct)), r => r.Id, r => r.Name, cancellationToken);

        public async Task<Router> CreateRouterAsync(RouterCreateRequest request, CancellationToken cancellationToken) =>
            new Router(await CreateResourceAsync("routers", "router", request.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        public async Task<Router> UpdateRouterAsync(string id, RouterUpdate update, CancellationToken cancellationToken) =>
            new Router(await UpdateResourceAsync("routers", id, "router", update.ToFields(), cancellationToken).ConfigureAwait(false), _cloud);

        /// <summary>Neutron refuses (409) while the router still has interfaces.</summary>
        public Task DeleteRouterAsync(string id, CancellationToken cancellationToken) => DeleteResourceAsync("routers", id, cancellationToken);

        /// <summary>Attaches a subnet (Neutron makes a port with the subnet's gateway address) or an existing port;
        /// returns the id of the router's port.</summary>
        public Task<string> AddRouterInterfaceAsync(string routerId, string? subnetId, string? portId, CancellationToken cancellationToken) =>
            RouterInterfaceAsync(routerId, "add_router_interface", subnetId, portId, cancellationToken);

        /// <summary>Detaches a subnet or port; returns the id of the port that was removed.</summary>
        public Task<string> RemoveRouterInterfaceAsync(string routerId, string? subnetId, string? portId, CancellationToken cancellationToken) =>
            RouterInterfaceAsync(routerId, "remove_router_interface", subnetId, portId, cancellationToken);

        private async Task<string> RouterInterfaceAsync(string routerId, string action, string? subnetId, string? portId, CancellationToken cancellationToken)
        {
            if ((subnetId == null) == (portId == null))
                throw new ArgumentException("Give a subnet or a port, not both.");
            var body = JsonSerializer.Serialize(subnetId != null
                ? new Dictionary<string, string> { ["subnet_id"] = subnetId }
                : new Dictionary<string, string> { ["port_id"] = portId! });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Network,
                $"/v2.0/routers/{Uri.EscapeDataString(routerId)}/{action}") { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            return response.Json().Str("port_id") ?? portId
                ?? throw new InvalidResponseException($"Neutron's answer to {action} names no port.") { Service = ServiceTypes.Network, RequestId = response.RequestId };
        }
    }
}
