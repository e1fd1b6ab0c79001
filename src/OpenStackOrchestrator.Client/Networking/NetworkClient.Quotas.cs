using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Quota;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>The network quotas and usage of a project.</summary>
    public sealed partial class NetworkClient
    {
        /// <summary>Limit, used and reserved per resource (network, subnet, port, router, floatingip, security_group...),
        /// from Neutron's quota_details extension. Reading another project's needs an admin.</summary>
        public async Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken)
        {
            var project = projectId ?? _cloud.ProjectId
                ?? throw new BadRequestException($"The connection to '{_cloud.Name}' is not scoped to a project: give -ProjectId.");
            var json = await _cloud.GetJsonAsync(ServiceTypes.Network, $"/v2.0/quotas/{Uri.EscapeDataString(project)}/details", cancellationToken).ConfigureAwait(false);
            var quota = json.Obj("quota");
            if (quota.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException("Neutron's quota answer has no 'quota'.") { Service = ServiceTypes.Network };
            return quota.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => new QuotaUsage(ServiceTypes.Network, p.Name, p.Value.Long("limit") ?? -1, p.Value.Long("used") ?? 0, p.Value.Long("reserved") ?? 0, project, _cloud))
                .ToList();
        }
    }
}
