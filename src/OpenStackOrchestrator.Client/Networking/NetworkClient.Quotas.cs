using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Quota;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>The network quotas and usage of a project.</summary>
    public sealed partial class NetworkClient
    {
        internal static readonly QuotaSource Quotas = new QuotaSource
        {
            ServiceType = ServiceTypes.Network,
            ServiceName = "Neutron",
            PathFormat = "/v2.0/quotas/{0}/details",
            UpdatePathFormat = "/v2.0/quotas/{0}",
            Key = "quota",
        };

        /// <summary>Limit, used and reserved per resource (network, subnet, port, router, floatingip, security_group...),
        /// from Neutron's quota_details extension. Reading another project's needs an admin.</summary>
        public Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken) =>
            QuotaReader.ReadAsync(_cloud, Quotas, projectId, cancellationToken);

        /// <summary>Sets quotas of a project (admin): the service's resource names and their new limits (-1: unlimited).</summary>
        public Task SetQuotasAsync(string projectId, IReadOnlyDictionary<string, long> limits, CancellationToken cancellationToken) =>
            QuotaWriter.WriteAsync(_cloud, Quotas, projectId, limits, cancellationToken);
    }
}
