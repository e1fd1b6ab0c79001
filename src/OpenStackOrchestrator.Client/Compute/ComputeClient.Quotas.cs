using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Quota;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>The quotas and usage of a project.</summary>
    public sealed partial class ComputeClient
    {
        // 2.57 leaves out the quotas that no longer mean anything (injected files, and the nova-network ones since 2.36).
        internal static readonly QuotaSource Quotas = new QuotaSource
        {
            ServiceType = ServiceTypes.Compute,
            ServiceName = "Nova",
            PathFormat = "/os-quota-sets/{0}/detail",
            UpdatePathFormat = "/os-quota-sets/{0}",
            Microversion = "2.57",
            MinimumMicroversion = "2.1",
        };

        /// <summary>The compute quotas of a project (the connection's own when <paramref name="projectId"/> is null):
        /// limit, in use and reserved per resource. Reading another project's needs an admin.</summary>
        public Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken) =>
            QuotaReader.ReadAsync(_cloud, Quotas, projectId, cancellationToken);

        /// <summary>Sets quotas of a project (admin): the service's resource names and their new limits (-1: unlimited).</summary>
        public Task SetQuotasAsync(string projectId, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken) =>
            QuotaWriter.WriteAsync(_cloud, Quotas, projectId, limits, cancellationToken);
    }
}
