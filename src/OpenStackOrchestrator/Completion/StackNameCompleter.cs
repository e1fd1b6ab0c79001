using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Stack names (Get-OSStack -Name, -Stack of the stack cmdlets).</summary>
    public sealed class StackNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "stack";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Orchestration.ListStacksAsync(new StackListOptions { Limit = CompletionCache.FirstPage }, ct), s => s.Name);
    }
}
