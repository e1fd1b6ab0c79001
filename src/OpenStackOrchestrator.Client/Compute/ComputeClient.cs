using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Nova (compute) v2.1.</summary>
    public sealed partial class ComputeClient
    {
        // 2.47 embeds flavor details in servers; 2.61 adds flavor extra_specs. Older clouds get what they offer.
        internal const string ServerMicroversion = "2.47";
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

        public async IAsyncEnumerable<Flavor> ListFlavorsAsync(FlavorListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", FlavorMicroversion, "Listing flavors", cancellationToken).ConfigureAwait(false);
            var query = new Dictionary<string, string>();
            if (options.MinMemoryMB.HasValue) query["minRam"] = options.MinMemoryMB.Value.ToString();
            if (options.MinDiskGB.HasValue) query["minDisk"] = options.MinDiskGB.Value.ToString();
            if (options.IncludePrivate) query["is_public"] = "None";
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Compute, "/flavors/detail", "flavors", query, options.Limit, version, cancellationToken).ConfigureAwait(false))
                yield return new Flavor(item, _cloud);
        }

        public async Task<Flavor> GetFlavorAsync(string id, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", FlavorMicroversion, "Getting a flavor", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, "/flavors/" + Uri.EscapeDataString(id), cancellationToken, version).ConfigureAwait(false);
            return new Flavor(json.GetProperty("flavor"), _cloud);
        }

        public Task<Flavor> ResolveFlavorAsync(string nameOrId, CancellationToken cancellationToken) =>
            Resolution.NameResolver.ResolveOneAsync("flavor", nameOrId, GetFlavorAsync,
                (name, ct) => Resolution.NameResolver.ToListAsync(ListFlavorsAsync(new FlavorListOptions { IncludePrivate = true }, ct)), f => f.Id, f => f.Name, cancellationToken);

        public Task<Server> ResolveServerAsync(string nameOrId, CancellationToken cancellationToken) =>
            Resolution.NameResolver.ResolveOneAsync("server", nameOrId, GetServerAsync,
                (name, ct) => Resolution.NameResolver.ToListAsync(ListServersAsync(new ServerListOptions { NameRegex = "^" + System.Text.RegularExpressions.Regex.Escape(name) + "$" }, ct)), s => s.Id, s => s.Name, cancellationToken);

        public async IAsyncEnumerable<Server> ListServersAsync(ServerListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", ServerMicroversion, "Listing servers", cancellationToken).ConfigureAwait(false);
            var query = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(options.NameRegex)) query["name"] = options.NameRegex!;
            if (!string.IsNullOrEmpty(options.Status)) query["status"] = options.Status!.ToUpperInvariant();
            if (!string.IsNullOrEmpty(options.ImageId)) query["image"] = options.ImageId!;
            if (!string.IsNullOrEmpty(options.FlavorId)) query["flavor"] = options.FlavorId!;
            if (options.AllProjects) query["all_tenants"] = "True";
            await foreach (var item in _cloud.ListAsync(ServiceTypes.Compute, "/servers/detail", "servers", query, options.Limit, version, cancellationToken).ConfigureAwait(false))
                yield return new Server(item, _cloud);
        }

        public async Task<Server> GetServerAsync(string id, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", ServerMicroversion, "Getting a server", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, "/servers/" + Uri.EscapeDataString(id), cancellationToken, version).ConfigureAwait(false);
            return new Server(json.GetProperty("server"), _cloud);
        }
    }
}
