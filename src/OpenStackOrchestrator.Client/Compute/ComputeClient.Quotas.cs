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

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>The quotas and usage of a project.</summary>
    public sealed partial class ComputeClient
    {
        // 2.57 leaves out the quotas that no longer mean anything (injected files, and the nova-network ones since 2.36).
        internal const string QuotaMicroversion = "2.57";

        /// <summary>The compute quotas of a project (the connection's own when <paramref name="projectId"/> is null):
        /// limit, in use and reserved per resource. Reading another project's needs an admin.</summary>
        public async Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken)
        {
            var project = projectId ?? _cloud.ProjectId
                ?? throw new BadRequestException($"The connection to '{_cloud.Name}' is not scoped to a project: give -ProjectId.");
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, "2.1", QuotaMicroversion, "Reading quotas", cancellationToken).ConfigureAwait(false);
            var json = await _cloud.GetJsonAsync(ServiceTypes.Compute, $"/os-quota-sets/{Uri.EscapeDataString(project)}/detail", cancellationToken, version).ConfigureAwait(false);
            var set = json.Obj("quota_set");
            if (set.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException("Nova's quota answer has no 'quota_set'.") { Service = ServiceTypes.Compute };
            return set.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => new QuotaUsage(ServiceTypes.Compute, p.Name, p.Value.Long("limit") ?? -1, p.Value.Long("in_use") ?? 0, p.Value.Long("reserved") ?? 0, project, _cloud))
                .ToList();
        }
    }
}
