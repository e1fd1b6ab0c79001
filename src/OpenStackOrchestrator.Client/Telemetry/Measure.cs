using System;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>One aggregated point of a metric as Gnocchi answers it: [timestamp, granularity in seconds, value].</summary>
    public sealed class Measure
    {
        public Measure(DateTimeOffset timestamp, double granularitySeconds, double? value)
        {
            Timestamp = timestamp;
            GranularitySeconds = granularitySeconds;
            Value = value;
        }

        public DateTimeOffset Timestamp { get; }
        public double GranularitySeconds { get; }
        /// <summary>Null where Gnocchi answers null (an aggregate's filled gap).</summary>
        public double? Value { get; }
    }

    /// <summary>A measure to push to a metric (POST /v1/metric/{id}/measures).</summary>
    public sealed class MeasureInput
    {
        public MeasureInput(DateTimeOffset timestamp, double value)
        {
            Timestamp = timestamp;
            Value = value;
        }

        public DateTimeOffset Timestamp { get; }
        public double Value { get; }
    }

    /// <summary>What Get-OSStat writes: one sample of one statistic of one entity (PowerCLI's Get-Stat sample), or of an
    /// aggregate across entities (Gnocchi's /v1/aggregates).</summary>
    [TableView("Entity", "Stat", "Timestamp", "Value", "Unit", "IntervalSecs")]
    public sealed class MetricSample
    {
        /// <summary>The entity's name (its id when it has none); for an aggregate, the entities' names joined.</summary>
        public string Entity { get; init; } = "";
        /// <summary>The Gnocchi resource id (null for an aggregate across several).</summary>
        public string? EntityId { get; init; }
        /// <summary>The Gnocchi metric id (null for an aggregate).</summary>
        public string? MetricId { get; init; }
        /// <summary>The metric's name: cpu, memory.usage...</summary>
        public string Stat { get; init; } = "";
        public DateTimeOffset Timestamp { get; init; }
        public double? Value { get; init; }
        public string? Unit { get; init; }
        /// <summary>The granularity the value is aggregated over.</summary>
        public double IntervalSecs { get; init; }
        /// <summary>The aggregation method: mean, max... (for an aggregate: "max of mean").</summary>
        public string Aggregation { get; init; } = "";

        [JsonIgnore]
        public CloudConnection? Cloud { get; init; }

        public override string ToString() => $"{Entity} {Stat} {Timestamp:o} {Value}";
    }
}
