using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>Which measures to read: aggregation method, time range, granularity, and whether metricd must first
    /// process what was pushed (refresh=true).</summary>
    public sealed class MeasureQuery
    {
        public string? Aggregation { get; init; }
        public DateTimeOffset? Start { get; init; }
        public DateTimeOffset? Stop { get; init; }
        public double? GranularitySeconds { get; init; }
        public bool Refresh { get; init; }

        internal List<KeyValuePair<string, string>> Parameters(bool withAggregation)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            if (withAggregation && Aggregation != null)
                parameters.Add(new KeyValuePair<string, string>("aggregation", Aggregation));
            if (Start.HasValue)
                parameters.Add(new KeyValuePair<string, string>("start", Gnocchi.Time(Start.Value)));
            if (Stop.HasValue)
                parameters.Add(new KeyValuePair<string, string>("stop", Gnocchi.Time(Stop.Value)));
            if (GranularitySeconds.HasValue)
                parameters.Add(new KeyValuePair<string, string>("granularity", GranularitySeconds.Value.ToString("R", CultureInfo.InvariantCulture)));
            if (Refresh)
                parameters.Add(new KeyValuePair<string, string>("refresh", "true"));
            return parameters;
        }
    }

    /// <summary>Gnocchi's measures and metric calls beyond the declared resources: read and push measures, aggregate
    /// across resources, a resource's metrics, lookups that fail as MetricNotFound.</summary>
    public static class Gnocchi
    {
        internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

        /// <summary>GET /v1/metric/{id}/measures.</summary>
        public static async Task<IReadOnlyList<Measure>> GetMeasuresAsync(this CloudConnection cloud, string metricId, MeasureQuery query, CancellationToken cancellationToken)
        {
            var path = WithQuery($"/v1/metric/{Uri.EscapeDataString(metricId)}/measures", query.Parameters(true));
            ServiceResponse response;
            try
            {
                response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Metric, path), cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex) when (IsMissingMetric(ex))
            {
                throw new MetricNotFoundException("metric", metricId, ex.ServiceMessage, ex);
            }
            return ReadMeasures(response.Json(), response);
        }

        /// <summary>POST /v1/metric/{id}/measures with every measure in one body (Gnocchi answers 202: metricd
        /// aggregates them later; a read with refresh=true makes it do so at once).</summary>
        public static async Task AddMeasuresAsync(this CloudConnection cloud, string metricId, IReadOnlyList<MeasureInput> measures, CancellationToken cancellationToken)
        {
            var body = Json(w =>
            {
                w.WriteStartArray();
                foreach (var measure in measures)
                {
                    w.WriteStartObject();
                    w.WriteString("timestamp", Time(measure.Timestamp));
                    w.WriteNumber("value", measure.Value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            try
            {
                await cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Metric, $"/v1/metric/{Uri.EscapeDataString(metricId)}/measures") { JsonBody = body },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex) when (IsMissingMetric(ex))
            {
                throw new MetricNotFoundException("metric", metricId, ex.ServiceMessage, ex);
            }
        }

        /// <summary>The operations text of one aggregate across resources: "(aggregate max (metric cpu mean))".</summary>
        public static string AggregateOperation(string aggregate, string metricName, string aggregation) =>
            $"(aggregate {aggregate} (metric {metricName} {aggregation}))";

        /// <summary>POST /v1/aggregates: one series computed server-side from a metric of several resources (searched by
        /// id). Gnocchi 4.4.2 ignores refresh here: a caller that wants fresh values refreshes each metric first.</summary>
        public static async Task<IReadOnlyList<Measure>> AggregateAsync(this CloudConnection cloud, string operations, string resourceType,
            IReadOnlyCollection<string> resourceIds, MeasureQuery query, CancellationToken cancellationToken)
        {
            var body = Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("operations", operations);
                w.WriteString("resource_type", resourceType);
                w.WritePropertyName("search");
                w.WriteStartObject();
                w.WritePropertyName("in");
                w.WriteStartObject();
                w.WritePropertyName("id");
                w.WriteStartArray();
                foreach (var id in resourceIds)
                    w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            });
            var path = WithQuery("/v1/aggregates", query.Parameters(false).Where(p => p.Key != "refresh").ToList());
            var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Metric, path) { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            var measures = response.Json().Obj("measures");
            if (measures.ValueKind == JsonValueKind.Object && measures.TryGetProperty("aggregated", out var aggregated))
                return ReadMeasures(aggregated, response);
            throw new InvalidResponseException($"The answer from {response.Url} has no 'measures.aggregated' list.")
            { Service = ServiceTypes.Metric, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
        }

        /// <summary>GET /v1/resource/generic/{id}/metric: the metrics of a resource, with their archive policies.</summary>
        public static async Task<IReadOnlyList<Metric>> ListResourceMetricsAsync(this CloudConnection cloud, string resourceId, CancellationToken cancellationToken)
        {
            ServiceResponse response;
            try
            {
                response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Metric,
                    $"{MetricResource.Definition.Path}/{Uri.EscapeDataString(resourceId)}/metric"), cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                throw new MetricNotFoundException("metric resource", resourceId, ex.ServiceMessage, ex);
            }
            var root = response.Json();
            if (root.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The response from {response.Url} is not a list of metrics.")
                { Service = ServiceTypes.Metric, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return root.EnumerateArray().Select(e => cloud.ReadResource(Metric.Definition, e, response)).ToList();
        }

        /// <summary>A metric by id or by name (names are matched here: Gnocchi ignores a member's name filter); none is a
        /// MetricNotFound error, several an AmbiguousName error.</summary>
        public static async Task<Metric> ResolveMetricAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken)
        {
            try
            {
                return await cloud.ResolveResourceAsync(Metric.Definition, nameOrId, cancellationToken).ConfigureAwait(false);
            }
            catch (NameNotFoundException ex)
            {
                throw new MetricNotFoundException("metric", nameOrId, ex.ServiceMessage, ex);
            }
            catch (ResourceNotFoundException ex)
            {
                throw new MetricNotFoundException("metric", nameOrId, ex.ServiceMessage, ex);
            }
        }

        /// <summary>A Gnocchi resource by id or original resource id (Gnocchi maps that to the id itself), else by name
        /// (display_name or original resource id, matched here); none is a MetricResourceNotFound error.</summary>
        public static async Task<MetricResource> ResolveMetricResourceAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken,
            string? type = null)
        {
            var definition = type == null ? MetricResource.Definition : MetricResource.OfType(type);
            try
            {
                return await cloud.GetResourceAsync(definition, nameOrId, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException first)
            {
                var matches = new List<MetricResource>();
                await foreach (var resource in cloud.ListResourcesAsync(definition, null, cancellationToken).ConfigureAwait(false))
                    if (string.Equals(resource.Name, nameOrId, StringComparison.Ordinal))
                        matches.Add(resource);
                if (matches.Count == 1)
                    return matches[0];
                if (matches.Count > 1)
                    throw new AmbiguousNameException(definition.Kind, nameOrId, matches.Select(m => m.Id).ToList());
                throw new MetricNotFoundException("metric resource", nameOrId, first.ServiceMessage, first);
            }
        }

        /// <summary>An archive policy by name; none is an ArchivePolicyNotFound error.</summary>
        public static async Task<ArchivePolicy> GetArchivePolicyAsync(this CloudConnection cloud, string name, CancellationToken cancellationToken)
        {
            try
            {
                return await cloud.GetResourceAsync(ArchivePolicy.Definition, name, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                throw new MetricNotFoundException("archive policy", name, ex.ServiceMessage, ex);
            }
        }

        /// <summary>POST /v1/metric (a resource id attaches it to that resource, under its name).</summary>
        public static async Task<Metric> CreateMetricAsync(this CloudConnection cloud, MetricCreateRequest request, CancellationToken cancellationToken)
        {
            try
            {
                return await cloud.CreateResourceAsync(Metric.Definition, request, TelemetryJson.Default.MetricCreateRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (BadRequestException ex) when (request.ArchivePolicyName != null && (ex.ServiceMessage ?? "").StartsWith("Archive policy", StringComparison.Ordinal) &&
                                                 (ex.ServiceMessage ?? "").EndsWith("does not exist", StringComparison.Ordinal))
            {
                throw new MetricNotFoundException("archive policy", request.ArchivePolicyName, ex.ServiceMessage, ex);
            }
        }

        public static IReadOnlyList<Measure> ReadMeasures(JsonElement list, ServiceResponse? response = null)
        {
            if (list.ValueKind != JsonValueKind.Array)
                throw new InvalidResponseException($"The answer from {response?.Url ?? ServiceTypes.Metric} is not a list of measures.")
                { Service = ServiceTypes.Metric, StatusCode = response?.StatusCode, RequestId = response?.RequestId, Url = response?.Url };
            var measures = new List<Measure>();
            foreach (var point in list.EnumerateArray())
            {
                if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() < 3)
                    continue;
                var time = point[0].ValueKind == JsonValueKind.String &&
                           DateTimeOffset.TryParse(point[0].GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
                if (time == null)
                    continue;
                var granularity = point[1].ValueKind == JsonValueKind.Number ? point[1].GetDouble() : 0;
                var value = point[2].ValueKind == JsonValueKind.Number ? point[2].GetDouble() : (double?)null;
                measures.Add(new Measure(time.Value, granularity, value));
            }
            return measures;
        }

        private static bool IsMissingMetric(ResourceNotFoundException ex) =>
            (ex.ServiceMessage ?? "").StartsWith("Metric ", StringComparison.Ordinal);

        private static string WithQuery(string path, IReadOnlyCollection<KeyValuePair<string, string>> parameters) =>
            parameters.Count == 0 ? path
                : path + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

        private static string Json(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                write(writer);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>The source-generated JSON of Gnocchi's resources.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Metric))]
    [JsonSerializable(typeof(MetricResource))]
    [JsonSerializable(typeof(ArchivePolicy))]
    [JsonSerializable(typeof(MetricCreateRequest))]
    internal sealed partial class TelemetryJson : JsonSerializerContext
    {
    }
}
