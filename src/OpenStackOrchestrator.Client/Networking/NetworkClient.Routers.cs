using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Routers (through the declared <see cref="Router.Definition"/>) and their interfaces.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Router> ListRoutersAsync(RouterListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Router.Definition, Query(options.Name, options.Limit), cancellationToken);

        public Task<Router> GetRouterAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Router.Definition, id, cancellationToken);

        public Task<Router> ResolveRouterAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Router.Definition, nameOrId, cancellationToken);

        public Task<Router> CreateRouterAsync(RouterCreateRequest request, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(Router.Definition, request, NetworkingJson.Default.RouterCreateRequest, cancellationToken);

        public Task<Router> UpdateRouterAsync(string id, RouterUpdate update, CancellationToken cancellationToken) =>
            _cloud.UpdateResourceAsync(Router.Definition, id, update, NetworkingJson.Default.RouterUpdate, cancellationToken);

        /// <summary>Neutron refuses (409) while the router still has interfaces.</summary>
        public Task DeleteRouterAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Router.Definition, id, cancellationToken);

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
            var body = JsonSerializer.Serialize(new RouterInterfaceRequest { SubnetId = subnetId, PortId = portId }, NetworkingJson.Default.RouterInterfaceRequest);
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Network,
                $"{Router.Definition.Path}/{Uri.EscapeDataString(routerId)}/{action}") { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            return response.Json().Str("port_id") ?? portId
                ?? throw new InvalidResponseException($"Neutron's answer to {action} names no port.") { Service = ServiceTypes.Network, RequestId = response.RequestId };
        }
    }
}
