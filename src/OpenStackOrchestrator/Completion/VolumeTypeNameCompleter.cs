using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Volume type names (New-OSVolume -VolumeType, Get-OSVolumeType -Name).</summary>
    public sealed class VolumeTypeNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "volume-type";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.BlockStorage.ListVolumeTypesAsync(CompletionCache.FirstPage, ct), t => t.Name);
    }
}
