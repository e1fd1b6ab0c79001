using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Metric and metric-resource references resolved the Gnocchi way: a miss is MetricNotFound or
    /// MetricResourceNotFound (with Gnocchi's message), not the generic NameNotFound.</summary>
    internal static class MetricReferences
    {
        public static Task<string> IdAsync(ResourceReference reference, CloudConnection cloud, CancellationToken cancellationToken) =>
            reference.ResolveIdAsync(cloud, async (text, ct) => (await cloud.ResolveMetricAsync(text, ct).ConfigureAwait(false)).Id, cancellationToken);

        public static async Task<Metric> MetricAsync(ResourceReference reference, CloudConnection cloud, CancellationToken cancellationToken)
        {
            var on = reference.On(cloud);
            // An object is read again by id (its unit and resource), text resolved by id, then name.
            return await cloud.ResolveMetricAsync(on.Id ?? on.Name ?? on.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
