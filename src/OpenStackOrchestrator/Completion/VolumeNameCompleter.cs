using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Volume names (Get-OSVolume -Name, -Volume of the volume cmdlets, New-OSVolume -Source).</summary>
    public sealed class VolumeNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "volume";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { Limit = CompletionCache.FirstPage }, ct), v => v.Name);
    }
}
