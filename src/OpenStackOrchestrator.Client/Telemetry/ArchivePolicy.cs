using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>A Gnocchi archive policy: how long a metric's measures are kept at which granularities, and which
    /// aggregation methods (mean, max...) are computed of them. Its name is its id.</summary>
    [TableView("Name", "Granularities", "AggregationMethods", "BackWindow")]
    public sealed class ArchivePolicy : OSResource
    {
        public static readonly ResourceDefinition<ArchivePolicy> Definition = new ResourceDefinition<ArchivePolicy>
        {
            Kind = "archive policy",
            ServiceType = ServiceTypes.Metric,
            Path = "/v1/archive_policy",
            Key = "archive_policy",
            CollectionKey = "",
            Unwrapped = true,
            Paging = PagingStyle.None,
            NameFilter = null,
            IdIsName = true,
            DeleteAccept = "*/*",
            Json = TelemetryJson.Default.ArchivePolicy,
            TypeName = "OpenStackOrchestrator.ArchivePolicy",
        };

        /// <summary>The aggregation methods Gnocchi 4.4 knows (an archive policy computes some of them; "rate:" of each,
        /// and percentiles p1...p99, are accepted too).</summary>
        public static readonly IReadOnlyList<string> KnownAggregationMethods = new[]
        {
            "mean", "max", "min", "sum", "count", "std", "median", "first", "last",
            "rate:mean", "rate:max", "rate:min", "rate:sum", "rate:count", "rate:std", "rate:median", "rate:first", "rate:last",
        };

        [JsonIgnore]
        [DerivedFrom("name")]
        public override string Id => Name;

        [JsonPropertyName("back_window")]
        public int BackWindow { get; init; }
        [JsonPropertyName("definition")]
        public IReadOnlyList<ArchivePolicyItem> Definitions { get; init => field = value ?? Array.Empty<ArchivePolicyItem>(); } = Array.Empty<ArchivePolicyItem>();
        [JsonPropertyName("aggregation_methods")]
        public IReadOnlyList<string> AggregationMethods { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();

        /// <summary>The granularities kept, as text ("00:00:01, 00:01:00, 01:00:00").</summary>
        [JsonIgnore]
        [DerivedFrom("definition")]
        public string Granularities => string.Join(", ", Definitions.Select(d => d.Granularity.ToString("c", CultureInfo.InvariantCulture)));

        public override string ToString() => Name;
    }

    /// <summary>One level of an archive policy: measures aggregated every Granularity, kept for Timespan (Points of them).</summary>
    public sealed class ArchivePolicyItem
    {
        [JsonPropertyName("granularity")]
        [JsonConverter(typeof(GnocchiTimeSpanConverter))]
        public TimeSpan Granularity { get; init; }
        [JsonPropertyName("timespan")]
        [JsonConverter(typeof(GnocchiTimeSpanConverter))]
        public TimeSpan Timespan { get; init; }
        [JsonPropertyName("points")]
        public long? Points { get; init; }

        public override string ToString() => $"{Granularity:c} for {Timespan:c}";
    }
}
