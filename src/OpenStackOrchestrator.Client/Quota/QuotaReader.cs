using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Quota
{
    /// <summary>Reads a project's quotas from any service that answers as a <see cref="QuotaSource"/> describes: one
    /// <see cref="QuotaUsage"/> row per resource (fields that are not a resource's object, such as "id", are left out).</summary>
    internal static class QuotaReader
    {
        public static async Task<IReadOnlyList<QuotaUsage>> ReadAsync(CloudConnection cloud, QuotaSource source, string? projectId, CancellationToken cancellationToken)
        {
            var project = projectId ?? cloud.ProjectId
                ?? throw new BadRequestException($"The connection to '{cloud.Name}' is not scoped to a project: give -ProjectId.");
            var version = source.Microversion == null
                ? null
                : await cloud.NegotiateMicroversionAsync(source.ServiceType, source.MinimumMicroversion ?? source.Microversion, source.Microversion, "Reading quotas",
                    cancellationToken).ConfigureAwait(false);
            var request = new ServiceRequest(HttpMethod.Get, source.ServiceType, string.Format(source.PathFormat, Uri.EscapeDataString(project))) { Microversion = version };
            foreach (var parameter in source.Query)
                request.Query[parameter.Key] = parameter.Value;
            var response = await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var set = response.Json().Obj(source.Key);
            if (set.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException($"{source.ServiceName}'s quota answer has no '{source.Key}'.")
                { Service = source.ServiceType, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return set.EnumerateObject()
                .Where(field => field.Value.ValueKind == JsonValueKind.Object)
                .Select(field => (Resource: field.Name, Detail: field.Value.Deserialize(QuotaJson.Default.QuotaDetail)))
                .Select(q => new QuotaUsage(source.ServiceType, q.Resource, q.Detail?.Limit ?? -1, q.Detail?.InUse ?? q.Detail?.Used ?? 0, q.Detail?.Reserved ?? 0, project, cloud))
                .ToList();
        }
    }

    /// <summary>One resource's entry in a quota answer; Nova and Cinder say "in_use", Neutron "used".</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    internal sealed class QuotaDetail
    {
        [JsonPropertyName("limit")]
        public long? Limit { get; init; }
        [JsonPropertyName("in_use")]
        public long? InUse { get; init; }
        [JsonPropertyName("used")]
        public long? Used { get; init; }
        [JsonPropertyName("reserved")]
        public long? Reserved { get; init; }
    }
}
