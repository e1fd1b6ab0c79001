using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>One state change of a stack or of one of its resources, as Heat records it.</summary>
    [TableView("Time", "ResourceName", "Status", "StatusReason")]
    public sealed class StackEvent
    {
        private IDictionary<string, object?>? _extensionData;

        [JsonPropertyName("id")]
        public string Id { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("event_time")]
        public DateTime? Time { get; init; }
        /// <summary>The resource's name in the template; the stack's own name for events of the stack itself.</summary>
        [JsonIgnore]
        public string ResourceName => ReportedResourceName ?? LogicalResourceId ?? "";
        [JsonPropertyName("resource_status")]
        public string Status { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("resource_status_reason")]
        public string? StatusReason { get; init; }
        [JsonPropertyName("physical_resource_id")]
        public string? PhysicalId { get; init; }
        [JsonPropertyName("resource_type")]
        public string? ResourceType { get; init; }
        /// <summary>The stack the event belongs to (a nested stack's, with a nesting depth).</summary>
        [JsonIgnore]
        public string? StackName => HeatLink.Stack(Links).Name;
        [JsonIgnore]
        public string? StackId => HeatLink.Stack(Links).Id;
        /// <summary>The fields of Heat's answer that no property models, as plain .NET values.</summary>
        [JsonIgnore]
        public IDictionary<string, object?> ExtensionData => _extensionData ??= OrchestrationJson.Plain(UnknownFields);
        [JsonIgnore]
        public CloudConnection Cloud { get; internal set; } = null!;

        /// <summary>True for an event of the stack itself rather than of one of its resources.</summary>
        [JsonIgnore]
        public bool IsStackEvent => PhysicalId != null && PhysicalId == StackId && ResourceName == StackName;

        [JsonPropertyName("resource_name")]
        [JsonInclude]
        internal string? ReportedResourceName { get; init; }
        [JsonPropertyName("logical_resource_id")]
        [JsonInclude]
        internal string? LogicalResourceId { get; init; }
        [JsonPropertyName("links")]
        [JsonInclude]
        internal IReadOnlyList<HeatLink>? Links { get; init; }
        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        public override string ToString() => $"{Time:u} {ResourceName} {Status} {StatusReason}";
    }

    /// <summary>What GET .../events answers.</summary>
    internal sealed class StackEventList
    {
        [JsonPropertyName("events")]
        public List<StackEvent>? Events { get; init; }
    }
}
