using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Compute host names (Add-OSAggregateHost -ComputeHost), from the zones' hosts an admin sees; the
    /// "internal" zone holds the control services, not compute hosts.</summary>
    public sealed class ComputeHostNameCompleter : LiveNameCompleter
    {
        protected override string Kind => "compute-host";

        protected override async Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct)
        {
            var hosts = new List<string>();
            await foreach (var zone in cloud.Compute.ListAvailabilityZonesAsync(ct).ConfigureAwait(false))
                if (zone.Name != "internal")
                    hosts.AddRange(zone.Hosts ?? new string[0]);
            return hosts;
        }
    }
}
