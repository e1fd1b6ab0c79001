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

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>The block storage quotas and usage of a project.</summary>
    public sealed partial class BlockStorageClient
    {
        /// <summary>The block-storage quotas of a project (the connection's own when <paramref name="projectId"/> is null):
        /// volumes, gigabytes, snapshots, backups... and the per-type ones (volumes_&lt;type&gt;...).</summary>
        public async Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(string? projectId, CancellationToken cancellationToken)
        {
            var project = projectId ?? _cloud.ProjectId
                ?? throw new BadRequestException($"The connection to '{_cloud.Name}' is not scoped to a project: give -ProjectId.");
            var json = await _cloud.GetJsonAsync(ServiceTypes.BlockStorage, $"/os-quota-sets/{Uri.EscapeDataString(project)}", cancellationToken,
                query: new Dictionary<string, string> { ["usage"] = "True" }).ConfigureAwait(false);
            var set = json.Obj("quota_set");
            if (set.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException("Cinder's quota answer has no 'quota_set'.") { Service = ServiceTypes.BlockStorage };
            return set.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => new QuotaUsage(ServiceTypes.BlockStorage, p.Name, p.Value.Long("limit") ?? -1, p.Value.Long("in_use") ?? 0, p.Value.Long("reserved") ?? 0, project, _cloud))
                .ToList();
        }
    }
}
