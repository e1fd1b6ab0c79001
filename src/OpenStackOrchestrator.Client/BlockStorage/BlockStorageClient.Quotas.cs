using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Quota;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>The block storage quotas and usage of a project.</summary>
    public sealed partial class BlockStorageClient
    {
        internal static readonly QuotaSource Quotas = new QuotaSource
        {
            ServiceType = ServiceTypes.BlockStorage,
            ServiceName = "Cinder",
            PathFormat = "/os-quota-sets/{0}",
            UpdatePathFormat = "/os-quota-sets/{0}",
            Query = new Dictionary<string, string> { ["usage"] = "True" },
        };

        /// <summary>The block-storage quotas of a project (the connection's own when <paramref name="projectId"/> is null):
        /// volumes, gigabytes, snapshots, backups... and the per-type ones (volumes_&lt;type&gt;...).</summary>
        public Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken) =>
            QuotaReader.ReadAsync(_cloud, Quotas, projectId, cancellationToken);

        /// <summary>Sets quotas of a project (admin): the service's resource names and their new limits (-1: unlimited).</summary>
        public Task SetQuotasAsync(string projectId, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken) =>
            QuotaWriter.WriteAsync(_cloud, Quotas, projectId, limits, cancellationToken);
    }
}
