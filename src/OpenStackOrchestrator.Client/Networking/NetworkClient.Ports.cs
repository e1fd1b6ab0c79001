using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Ports, through the declared <see cref="Port.Definition"/>.</summary>
    public sealed partial class NetworkClient
    {
        public IAsyncEnumerable<Port> ListPortsAsync(PortListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Port.Definition, new ListQuery { Name = options.Name, Limit = options.Limit, Fields = options.Fields }
                .Filter("NetworkId", options.NetworkId)
                .Filter("DeviceId", options.DeviceId)
                .Filter("DeviceOwner", options.DeviceOwner)
                .Filter("FixedIP", options.IPAddress == null ? null : "ip_address=" + options.IPAddress), cancellationToken);

        public Task<Port> GetPortAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Port.Definition, id, cancellationToken);

        public Task<Port> ResolvePortAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Port.Definition, nameOrId, cancellationToken);

        public Task<Port> CreatePortAsync(PortCreateRequest request, CancellationToken cancellationToken) =>
            _cloud.CreateResourceAsync(Port.Definition, request, NetworkingJson.Default.PortCreateRequest, cancellationToken);

        public Task<Port> UpdatePortAsync(string id, PortUpdate update, CancellationToken cancellationToken) =>
            _cloud.UpdateResourceAsync(Port.Definition, id, update, NetworkingJson.Default.PortUpdate, cancellationToken);

        public Task DeletePortAsync(string id, CancellationToken cancellationToken) => _cloud.DeleteResourceAsync(Port.Definition, id, cancellationToken);
    }
}
