using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Quota
{
    /// <summary>Sets a project's quotas on any service that takes them as a <see cref="QuotaSource"/> describes:
    /// PUT {"&lt;key&gt;": {"&lt;resource&gt;": limit, ...}} (an administrator's call under every service's default policy).</summary>
    internal static class QuotaWriter
    {
        public static async Task WriteAsync(CloudConnection cloud, QuotaSource source, string projectId, IReadOnlyDictionary<string, long> limits,
            CancellationToken cancellationToken)
        {
            var version = source.Microversion == null
                ? null
                : await cloud.NegotiateMicroversionAsync(source.ServiceType, source.MinimumMicroversion ?? source.Microversion, source.Microversion, "Setting quotas",
                    cancellationToken).ConfigureAwait(false);
            await cloud.SendAsync(new ServiceRequest(HttpMethod.Put, source.ServiceType, string.Format(source.UpdatePathFormat, Uri.EscapeDataString(projectId)))
            { JsonBody = Body(source.Key, limits), Microversion = version, RequiredRole = "admin" }, cancellationToken).ConfigureAwait(false);
        }

        private static string Body(string key, IReadOnlyDictionary<string, long> limits)
        {
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteStartObject(key);
                foreach (var limit in limits)
                    writer.WriteNumber(limit.Key, limit.Value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
