using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Compute availability zone names (Get-OSAvailabilityZone -Name).</summary>
    public sealed class AvailabilityZoneNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "availability-zone";
        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.Compute.ListAvailabilityZonesAsync(ct), z => z.Name);
    }
}
