using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>The network floating IPs come from: the one given, else the cloud's only external network.</summary>
    internal static class ExternalNetworks
    {
        public static async Task<string> IdAsync(ResourceReference? given, CloudConnection cloud, CancellationToken ct)
        {
            if (given != null)
                return await given.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            var external = await NameResolver.ToListAsync(cloud.Network.ListNetworksAsync(new NetworkListOptions { IsExternal = true }, ct)).ConfigureAwait(false);
            if (external.Count == 1)
                return external[0].Id;
            throw new BadRequestException(external.Count == 0
                ? $"Cloud '{cloud.Name}' has no external network to take a floating IP from."
                : $"Cloud '{cloud.Name}' has {external.Count} external networks; choose with -Network: {string.Join(", ", external.Select(n => n.Name))}.");
        }
    }
}
