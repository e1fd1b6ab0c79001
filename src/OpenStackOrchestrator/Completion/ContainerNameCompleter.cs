using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Swift container names (-Container of the object cmdlets, Get-OSContainer -Name).</summary>
    public sealed class ContainerNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "container";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.ObjectStorage.ListContainersAsync(null, CompletionCache.FirstPage, ct), c => c.Name);
    }
}
