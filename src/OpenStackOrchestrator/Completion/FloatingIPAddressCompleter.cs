using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Floating IP addresses (-FloatingIP, Get-OSFloatingIP -Address): floating IPs are named by address.</summary>
    public sealed class FloatingIPAddressCompleter : LiveNameCompleter
    {
        protected override string Kind => "floating IP";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListFloatingIPsAsync(new FloatingIPListOptions { Limit = CompletionCache.FirstPage }, ct), f => f.Address);
    }
}
