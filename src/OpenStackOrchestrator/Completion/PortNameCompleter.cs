using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Port names (-Port, Get-OSPort -Name); a port without a name completes as its id, which -Port takes too.</summary>
    public sealed class PortNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "port";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Network.ListPortsAsync(new PortListOptions { Limit = CompletionCache.FirstPage }, ct),
                p => string.IsNullOrEmpty(p.Name) ? p.Id : p.Name);
    }
}
