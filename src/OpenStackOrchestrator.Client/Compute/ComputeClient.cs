using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Nova (compute) v2.1.</summary>
    public sealed partial class ComputeClient
    {
        // 2.47 embeds flavor details in servers; 2.61 adds flavor extra_specs. Older clouds get what they offer.
        internal const string ServerMicroversion = "2.47";
        /// <summary>Servers have tags from 2.26; the create body takes them from 2.52.</summary>
        internal const string TagsMicroversion = "2.26";
        internal const string CreateWithTagsMicroversion = "2.52";
        internal const string FlavorMicroversion = "2.61";
        private readonly CloudConnection _cloud;

        private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(3);
        private Core.StatusPoller<Server>? _poller;

        internal ComputeClient(CloudConnection cloud) => _cloud = cloud;

        internal Core.StatusPoller<Server> Poller => LazyInitializer.EnsureInitialized(ref _poller, () =>
            new Core.StatusPoller<Server>(ct => ListServersAsync(new ServerListOptions(), ct), GetServerAsync, s => s.Id, () => (FirstPollInterval, MaxPollInterval)))!;

        /// <summary>Rounds of status requests made by waits on this connection (diagnostics and tests).</summary>
        public int WaitPollRounds => _poller?.Rounds ?? 0;

        /// <summary>Requests those rounds took (one list per round when many servers are watched).</summary>
        public int WaitPollRequests => _poller?.Requests ?? 0;

        public IAsyncEnumerable<Flavor> ListFlavorsAsync(FlavorListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Flavor.Definition, new ListQuery { Limit = options.Limit }
                .Filter("MinMemoryMB", options.MinMemoryMB?.ToString(CultureInfo.InvariantCulture))
                .Filter("MinDiskGB", options.MinDiskGB?.ToString(CultureInfo.InvariantCulture))
                .Filter("IsPublic", options.IncludePrivate ? "None" : null), cancellationToken);

        public Task<Flavor> GetFlavorAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Flavor.Definition, id, cancellationToken);

        /// <summary>A flavor by id, else by exact name among all flavors, private ones included (Nova has no name filter).</summary>
        public Task<Flavor> ResolveFlavorAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Flavor.Definition, nameOrId, cancellationToken);

        /// <summary>A server by id, else by exact name (asked of Nova as the anchored regular expression it filters with).</summary>
        public Task<Server> ResolveServerAsync(string nameOrId, CancellationToken cancellationToken) =>
            _cloud.ResolveResourceAsync(Server.Definition, nameOrId, cancellationToken);

        public IAsyncEnumerable<Server> ListServersAsync(ServerListOptions options, CancellationToken cancellationToken = default) =>
            _cloud.ListResourcesAsync(Server.Definition, new ListQuery { Limit = options.Limit }
                .Filter("NameRegex", string.IsNullOrEmpty(options.NameRegex) ? null : options.NameRegex)
                .Filter("Status", string.IsNullOrEmpty(options.Status) ? null : options.Status!.ToUpperInvariant())
                .Filter("ImageId", string.IsNullOrEmpty(options.ImageId) ? null : options.ImageId)
                .Filter("FlavorId", string.IsNullOrEmpty(options.FlavorId) ? null : options.FlavorId)
                .Filter("AllProjects", options.AllProjects ? "True" : null), cancellationToken);

        public Task<Server> GetServerAsync(string id, CancellationToken cancellationToken) => _cloud.GetResourceAsync(Server.Definition, id, cancellationToken);
    }
}
