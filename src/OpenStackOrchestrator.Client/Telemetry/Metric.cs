using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>A Gnocchi metric: a named time series (cpu, memory.usage...) kept by an archive policy, stand-alone or
    /// attached to a resource (a server, a volume). Its measures are read with Get-OSStat.</summary>
    [TableView("Name", "Unit", "ArchivePolicyName", "ResourceId", "Id")]
    public sealed class Metric : OSResource
    {
        // Gnocchi 4.4.2 ignores the name and resource_id filters of a member's metric list: names are matched here.
        public static readonly ResourceDefinition<Metric> Definition = new ResourceDefinition<Metric>
        {
            Kind = "metric",
            ServiceType = ServiceTypes.Metric,
            Path = "/v1/metric",
            Key = "metric",
            CollectionKey = "",
            Unwrapped = true,
            Paging = PagingStyle.Marker,
            DefaultPageSize = 1000,
            NameFilter = null,
            DeleteAccept = "*/*",
            Json = TelemetryJson.Default.Metric,
            TypeName = "OpenStackOrchestrator.Metric",
            ParentFilters = new Dictionary<Type, string> { [typeof(MetricResource)] = "ResourceId" },
            Filters = new Dictionary<string, string>
            {
                ["ResourceId"] = "resource_id",
            },
        };

        [JsonPropertyName("unit")]
        public string? Unit { get; init; }
        /// <summary>The resource the metric is attached to (null: stand-alone).</summary>
        [JsonPropertyName("resource_id")]
        public string? ResourceId { get; init; }
        /// <summary>A metric read by id carries its resource; a listed one only the id.</summary>
        [JsonPropertyName("resource")]
        public MetricResource? Resource { get; init; }
        [JsonPropertyName("archive_policy")]
        public ArchivePolicy? ArchivePolicy { get; init; }
        [JsonPropertyName("archive_policy_name")]
        [JsonInclude]
        internal string? PolicyName { get; init; }

        /// <summary>The archive policy's name (Gnocchi answers a create with the name, a read with the whole policy).</summary>
        [JsonIgnore]
        [DerivedFrom("archive_policy", "archive_policy_name")]
        public string? ArchivePolicyName => PolicyName ?? ArchivePolicy?.Name;

        [JsonPropertyName("creator")]
        public string? Creator { get; init; }
        [JsonPropertyName("created_by_user_id")]
        public string? CreatedByUserId { get; init; }
        [JsonPropertyName("created_by_project_id")]
        public string? CreatedByProjectId { get; init; }

        public override string ToString() => Name.Length > 0 ? Name : Id;
    }

    /// <summary>What POST /v1/metric takes.</summary>
    public sealed class MetricCreateRequest
    {
        [JsonPropertyName("name")]
        public string? Name { get; init; }
        [JsonPropertyName("archive_policy_name")]
        public string? ArchivePolicyName { get; init; }
        [JsonPropertyName("unit")]
        public string? Unit { get; init; }
        [JsonPropertyName("resource_id")]
        public string? ResourceId { get; init; }
    }
}
