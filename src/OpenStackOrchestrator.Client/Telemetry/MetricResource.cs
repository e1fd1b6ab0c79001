using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>A Gnocchi resource: what metrics are about (a server, a volume, anything of a resource type), with its
    /// metrics by name. Its id is the OpenStack object's id (Gnocchi turns any other text into a UUID and keeps the text
    /// as OriginalResourceId).</summary>
    [TableView("Name", "Type", "Metrics.Count", "OriginalResourceId", "Started", "Id")]
    public sealed class MetricResource : OSResource
    {
        /// <summary>The type every resource is one of: reads and searches across all types go through it.</summary>
        public const string GenericType = "generic";

        public static readonly ResourceDefinition<MetricResource> Definition = OfType(GenericType);

        /// <summary>The resources of one type ("generic", "instance", "volume"...): its own attributes come with them.</summary>
        public static ResourceDefinition<MetricResource> OfType(string type) => new ResourceDefinition<MetricResource>
        {
            Kind = "metric resource",
            ServiceType = ServiceTypes.Metric,
            Path = "/v1/resource/" + Uri.EscapeDataString(type),
            Key = "resource",
            CollectionKey = "",
            Unwrapped = true,
            Paging = PagingStyle.Marker,
            DefaultPageSize = 1000,
            NameFilter = null,
            DeleteAccept = "*/*",
            Json = TelemetryJson.Default.MetricResource,
            TypeName = "OpenStackOrchestrator.MetricResource",
        };

        [JsonPropertyName("type")]
        public string Type { get; init => field = value ?? GenericType; } = GenericType;
        /// <summary>The id the resource was created with when it was not a UUID ("web-01"); else the id.</summary>
        [JsonPropertyName("original_resource_id")]
        public string? OriginalResourceId { get; init; }
        /// <summary>Metric names and their ids.</summary>
        [JsonPropertyName("metrics")]
        public IReadOnlyDictionary<string, string> Metrics { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();

        [JsonPropertyName("display_name")]
        [JsonInclude]
        internal string? DisplayName { get; init; }

        /// <summary>The instance type's display_name, else the original resource id (a generic resource has no name).</summary>
        [JsonIgnore]
        [DerivedFrom("display_name", "original_resource_id")]
        public override string Name => DisplayName ?? OriginalResourceId ?? Id;

        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("user_id")]
        public string? UserId { get; init; }
        [JsonPropertyName("creator")]
        public string? Creator { get; init; }
        [JsonPropertyName("created_by_project_id")]
        public string? CreatedByProjectId { get; init; }
        [JsonPropertyName("started_at")]
        public DateTime? Started { get; init; }
        [JsonPropertyName("ended_at")]
        public DateTime? Ended { get; init; }
        [JsonPropertyName("revision_start")]
        public DateTime? RevisionStart { get; init; }
    }
}
