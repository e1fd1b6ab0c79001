using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Volume snapshot names (Get-OSVolumeSnapshot -Name, Remove-OSVolumeSnapshot, New-OSVolume -Snapshot).</summary>
    public sealed class VolumeSnapshotNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "volume-snapshot";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.BlockStorage.ListSnapshotsAsync(new SnapshotListOptions { Limit = CompletionCache.FirstPage }, ct), s => s.Name);
    }
}
