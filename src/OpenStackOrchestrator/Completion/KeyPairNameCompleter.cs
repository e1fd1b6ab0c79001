using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Key pair names of the current user (Get-OSKeyPair -Name, Remove-OSKeyPair).</summary>
    public sealed class KeyPairNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "keypair";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Compute.ListKeyPairsAsync(CompletionCache.FirstPage, ct), k => k.Name);
    }
}
