using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>An Aodh alarm: a rule Aodh's evaluator checks every few seconds (a Gnocchi threshold on one resource's
    /// metric, on an aggregation over the resources a query selects, or a composite of rules), its state (ok, alarm,
    /// insufficient data) and the URLs the notifier calls when the state changes.</summary>
    [TableView("Name", "State", "Severity", "Type", "Enabled", "Threshold", "Id")]
    public sealed class Alarm : OSResource
    {
        public const string ResourcesThreshold = "gnocchi_resources_threshold";
        public const string AggregationByResourcesThreshold = "gnocchi_aggregation_by_resources_threshold";
        public const string AggregationByMetricsThreshold = "gnocchi_aggregation_by_metrics_threshold";
        public const string Composite = "composite";

        // Aodh refuses ?name= ("Unknown argument"): its filters are q.field/q.op/q.value expressions.
        public static readonly ResourceDefinition<Alarm> Definition = new ResourceDefinition<Alarm>
        {
            Kind = "alarm",
            ServiceType = ServiceTypes.Alarming,
            Path = "/v2/alarms",
            Key = "alarm",
            CollectionKey = "",
            Unwrapped = true,
            Paging = PagingStyle.Marker,
            QueryExpressionFilters = true,
            NameFilter = "name",
            Json = AlarmJson.Default.Alarm,
            TypeName = "OpenStackOrchestrator.Alarm",
            Filters = new Dictionary<string, string>
            {
                ["State"] = "state",
                ["Type"] = "type",
                ["Severity"] = "severity",
                ["Enabled"] = "enabled",
            },
        };

        /// <summary>Aodh's id is "alarm_id".</summary>
        [JsonIgnore]
        [DerivedFrom("alarm_id")]
        public override string Id => AlarmId;
        [JsonPropertyName("alarm_id")]
        [JsonInclude]
        internal string AlarmId { get; init => field = value ?? ""; } = "";

        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>gnocchi_resources_threshold, gnocchi_aggregation_by_resources_threshold,
        /// gnocchi_aggregation_by_metrics_threshold, composite, event...</summary>
        [JsonPropertyName("type")]
        public string Type { get; init => field = value ?? ""; } = "";
        /// <summary>ok, alarm or "insufficient data" (Aodh's spelling, with a space).</summary>
        [JsonPropertyName("state")]
        public string State { get; init => field = value ?? "unknown"; } = "unknown";
        [JsonPropertyName("state_reason")]
        public string? StateReason { get; init; }
        [JsonPropertyName("state_timestamp")]
        public DateTime? StateChanged { get; init; }
        /// <summary>low, moderate or critical.</summary>
        [JsonPropertyName("severity")]
        public string? Severity { get; init; }
        [JsonPropertyName("enabled")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool Enabled { get; init; }
        [JsonPropertyName("alarm_actions")]
        public IReadOnlyList<string> AlarmActions { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("ok_actions")]
        public IReadOnlyList<string> OkActions { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("insufficient_data_actions")]
        public IReadOnlyList<string> InsufficientDataActions { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        /// <summary>Call the actions on every evaluation while the state holds, not only on a change.</summary>
        [JsonPropertyName("repeat_actions")]
        [JsonConverter(typeof(LenientBooleanConverter))]
        public bool RepeatActions { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
        /// <summary>When the alarm was last changed.</summary>
        [JsonPropertyName("timestamp")]
        public DateTime? Updated { get; init; }
        [JsonPropertyName("evaluate_timestamp")]
        public DateTime? Evaluated { get; init; }

        /// <summary>The threshold rule of a Gnocchi alarm (null for a composite or event alarm).</summary>
        [JsonIgnore]
        [DerivedFrom("gnocchi_resources_threshold_rule", "gnocchi_aggregation_by_resources_threshold_rule", "gnocchi_aggregation_by_metrics_threshold_rule")]
        public AlarmRule? Rule => ResourcesRule ?? AggregationByResourcesRule ?? AggregationByMetricsRule;
        [JsonIgnore]
        [DerivedFrom("gnocchi_resources_threshold_rule", "gnocchi_aggregation_by_resources_threshold_rule", "gnocchi_aggregation_by_metrics_threshold_rule")]
        public double? Threshold => Rule?.Threshold;
        /// <summary>A composite alarm's rule ({"or": [...]} / {"and": [...]} of sub-rules), as plain data.</summary>
        [JsonIgnore]
        [DerivedFrom("composite_rule")]
        public object? CompositeRule => CompositeRuleJson is JsonElement e && e.ValueKind != JsonValueKind.Null ? JsonPlain.ToPlain(e) : null;

        [JsonPropertyName("gnocchi_resources_threshold_rule")]
        [JsonInclude]
        internal AlarmRule? ResourcesRule { get; init; }
        [JsonPropertyName("gnocchi_aggregation_by_resources_threshold_rule")]
        [JsonInclude]
        internal AlarmRule? AggregationByResourcesRule { get; init; }
        [JsonPropertyName("gnocchi_aggregation_by_metrics_threshold_rule")]
        [JsonInclude]
        internal AlarmRule? AggregationByMetricsRule { get; init; }
        [JsonPropertyName("composite_rule")]
        [JsonInclude]
        internal JsonElement? CompositeRuleJson { get; init; }

        /// <summary>Aodh's "insufficient data" from the spelling a parameter can take ("insufficient_data").</summary>
        public static string StateValue(string state) => state.Replace('_', ' ').ToLowerInvariant();

        /// <summary>The JSON key of a type's rule ("gnocchi_resources_threshold_rule").</summary>
        public static string RuleKey(string type) => type + "_rule";

        /// <summary>POST /v2/alarms with the body <see cref="AlarmSpec.ToJson"/> writes.</summary>
        public static Task<Alarm> CreateAsync(CloudConnection cloud, AlarmSpec spec, CancellationToken cancellationToken) =>
            cloud.CreateResourceAsync(Definition, spec.ToJson(), AlarmJson.Default.JsonObject, cancellationToken);

        /// <summary>PUT of the whole alarm, as Aodh wants it: the alarm is read, <paramref name="change"/> applied to its
        /// JSON (every field it does not touch is sent back as read), and written.</summary>
        public static async Task<Alarm> UpdateAsync(CloudConnection cloud, string id, Action<JsonObject, JsonObject?> change, CancellationToken cancellationToken)
        {
            var path = Definition.Path + "/" + Uri.EscapeDataString(id);
            var current = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Alarming, path), cancellationToken).ConfigureAwait(false);
            if (JsonNode.Parse(current.Body) is not JsonObject alarm)
                throw new InvalidResponseException($"The answer from {current.Url} is not an alarm.")
                { Service = ServiceTypes.Alarming, StatusCode = current.StatusCode, RequestId = current.RequestId, Url = current.Url };
            var type = (string?)alarm["type"] ?? "";
            change(alarm, alarm[RuleKey(type)] as JsonObject);
            // Read-only fields Aodh fills itself.
            foreach (var key in new[] { "state_timestamp", "timestamp", "evaluate_timestamp" })
                alarm.Remove(key);
            return await cloud.UpdateResourceAsync(Definition, id, alarm, AlarmJson.Default.JsonObject, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUT /v2/alarms/{id}/state: sets the state by hand (the evaluator changes it again on its next run
        /// if the measures say otherwise). Returns the alarm as it now is.</summary>
        public static async Task<Alarm> SetStateAsync(CloudConnection cloud, string id, string state, CancellationToken cancellationToken)
        {
            var path = Definition.Path + "/" + Uri.EscapeDataString(id);
            await cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Alarming, path + "/state") { JsonBody = JsonSerializer.Serialize(StateValue(state), AlarmJson.Default.String) },
                cancellationToken).ConfigureAwait(false);
            return await cloud.GetResourceAsync(Definition, id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>GET /v2/alarms/{id}/history: creation, rule changes and state transitions, newest first.</summary>
        public static async Task<List<AlarmHistoryEntry>> HistoryAsync(CloudConnection cloud, Alarm alarm, CancellationToken cancellationToken)
        {
            var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Alarming, Definition.Path + "/" + Uri.EscapeDataString(alarm.Id) + "/history"),
                cancellationToken).ConfigureAwait(false);
            List<AlarmHistoryEntry>? entries;
            try
            {
                entries = JsonSerializer.Deserialize(response.Body, AlarmJson.Default.ListAlarmHistoryEntry);
            }
            catch (JsonException ex)
            {
                throw new InvalidResponseException($"The alarm history from {response.Url} could not be read: {ex.Message}", ex)
                { Service = ServiceTypes.Alarming, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            }
            entries ??= new List<AlarmHistoryEntry>();
            foreach (var entry in entries)
            {
                entry.AlarmName = alarm.Name;
                entry.Cloud = cloud;
            }
            return entries;
        }
    }

    /// <summary>The threshold rule of a Gnocchi alarm (the fields of all three Gnocchi types; each uses its own).</summary>
    public sealed class AlarmRule
    {
        /// <summary>gnocchi_resources_threshold: the metric's name on the resource.</summary>
        [JsonPropertyName("metric")]
        public string? Metric { get; init; }
        /// <summary>gnocchi_aggregation_by_metrics_threshold: the metric ids.</summary>
        [JsonPropertyName("metrics")]
        public IReadOnlyList<string>? Metrics { get; init; }
        [JsonPropertyName("resource_id")]
        public string? ResourceId { get; init; }
        [JsonPropertyName("resource_type")]
        public string? ResourceType { get; init; }
        /// <summary>gnocchi_aggregation_by_resources_threshold: the Gnocchi search (JSON) selecting the resources.</summary>
        [JsonPropertyName("query")]
        public string? Query { get; init; }
        [JsonPropertyName("threshold")]
        public double? Threshold { get; init; }
        /// <summary>lt, le, eq, ne, ge, gt.</summary>
        [JsonPropertyName("comparison_operator")]
        public string? ComparisonOperator { get; init; }
        /// <summary>The Gnocchi aggregation method read (mean, max, min, sum, count, rate:mean...).</summary>
        [JsonPropertyName("aggregation_method")]
        public string? Aggregation { get; init; }
        /// <summary>Seconds; one of the granularities of the metric's archive policy.</summary>
        [JsonPropertyName("granularity")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int Granularity { get; init; }
        [JsonPropertyName("evaluation_periods")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int EvaluationPeriods { get; init; }

        public override string ToString() =>
            $"{Aggregation}({Metric ?? (Metrics == null ? "" : string.Join(",", Metrics))}) {ComparisonOperator} {Threshold} over {EvaluationPeriods} x {Granularity}s";
    }

    /// <summary>One event of an alarm's history: its creation, a rule change, a state transition, its deletion.</summary>
    [TableView("Timestamp", "AlarmName", "Type", "State", "Reason")]
    public sealed class AlarmHistoryEntry
    {
        private JsonElement? _detail;

        [JsonPropertyName("event_id")]
        public string? EventId { get; init; }
        [JsonPropertyName("alarm_id")]
        public string? AlarmId { get; init; }
        [JsonIgnore]
        public string? AlarmName { get; internal set; }
        /// <summary>creation, rule change, state transition, deletion.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; init; }
        [JsonPropertyName("timestamp")]
        public DateTime? Timestamp { get; init; }
        /// <summary>The change, as Aodh records it (a JSON text).</summary>
        [JsonPropertyName("detail")]
        public string? Detail { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
        [JsonPropertyName("on_behalf_of")]
        public string? OnBehalfOf { get; init; }
        /// <summary>The state the alarm went to (a state transition) or was created in.</summary>
        [JsonIgnore]
        public string? State => DetailField("state");
        /// <summary>Why the evaluator moved it ("Transition to alarm due to 1 samples outside threshold...").</summary>
        [JsonIgnore]
        public string? Reason => DetailField("transition_reason") ?? DetailField("state_reason");
        [JsonIgnore]
        public CloudConnection Cloud { get; internal set; } = null!;

        private string? DetailField(string name)
        {
            if (_detail == null)
            {
                try
                {
                    _detail = string.IsNullOrEmpty(Detail) ? default(JsonElement) : JsonDocument.Parse(Detail!).RootElement.Clone();
                }
                catch (JsonException)
                {
                    _detail = default(JsonElement);
                }
            }
            return _detail.Value.ValueKind == JsonValueKind.Object && _detail.Value.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }

        public override string ToString() => $"{Timestamp:u} {Type} {State}";
    }

    /// <summary>What New-OSAlarm asks for: the alarm's type picks the rule the threshold fields go into.</summary>
    public sealed class AlarmSpec
    {
        public string Name { get; init; } = "";
        public string Type { get; init; } = Alarm.ResourcesThreshold;
        public string? Description { get; init; }
        public string? Metric { get; init; }
        public string? ResourceId { get; init; }
        public string? ResourceType { get; init; }
        public string? Query { get; init; }
        /// <summary>A composite alarm's rule as JSON ({"or": [...]}).</summary>
        public string? CompositeRule { get; init; }
        public double? Threshold { get; init; }
        public string? ComparisonOperator { get; init; }
        public string? Aggregation { get; init; }
        public int? Granularity { get; init; }
        public int? EvaluationPeriods { get; init; }
        public IReadOnlyList<string>? AlarmActions { get; init; }
        public IReadOnlyList<string>? OkActions { get; init; }
        public IReadOnlyList<string>? InsufficientDataActions { get; init; }
        public bool? RepeatActions { get; init; }
        public string? Severity { get; init; }
        public bool? Enabled { get; init; }

        public JsonObject ToJson()
        {
            var body = new JsonObject { ["name"] = Name, ["type"] = Type };
            if (Description != null) body["description"] = Description;
            if (Severity != null) body["severity"] = Severity;
            if (Enabled.HasValue) body["enabled"] = Enabled.Value;
            if (RepeatActions.HasValue) body["repeat_actions"] = RepeatActions.Value;
            if (AlarmActions != null) body["alarm_actions"] = Strings(AlarmActions);
            if (OkActions != null) body["ok_actions"] = Strings(OkActions);
            if (InsufficientDataActions != null) body["insufficient_data_actions"] = Strings(InsufficientDataActions);
            if (Type == Alarm.Composite)
            {
                body["composite_rule"] = JsonNode.Parse(CompositeRule ?? "{}");
                return body;
            }
            var rule = new JsonObject();
            if (Metric != null) rule["metric"] = Metric;
            if (ResourceId != null) rule["resource_id"] = ResourceId;
            if (ResourceType != null) rule["resource_type"] = ResourceType;
            if (Query != null) rule["query"] = Query;
            if (Threshold.HasValue) rule["threshold"] = Threshold.Value;
            if (ComparisonOperator != null) rule["comparison_operator"] = ComparisonOperator;
            if (Aggregation != null) rule["aggregation_method"] = Aggregation;
            if (Granularity.HasValue) rule["granularity"] = Granularity.Value;
            if (EvaluationPeriods.HasValue) rule["evaluation_periods"] = EvaluationPeriods.Value;
            body[Alarm.RuleKey(Type)] = rule;
            return body;
        }

        public static JsonArray Strings(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = new[] { typeof(UtcTimeConverter) })]
    [JsonSerializable(typeof(Alarm))]
    [JsonSerializable(typeof(List<AlarmHistoryEntry>))]
    [JsonSerializable(typeof(JsonObject))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class AlarmJson : JsonSerializerContext
    {
    }
}
