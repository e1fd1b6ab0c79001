using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A resource of a stack (or of one of its nested stacks): its template name, type, status and the id
    /// of what it created (a server id, a network id...).</summary>
    [TableView("Name", "Type", "Status", "PhysicalId", "StackName")]
    public sealed class StackResource
    {
        private IDictionary<string, object?>? _extensionData;

        /// <summary>The resource's name in the template.</summary>
        [JsonIgnore]
        public string Name => ResourceName ?? LogicalResourceId ?? "";
        [JsonPropertyName("resource_type")]
        public string? Type { get; init; }
        [JsonPropertyName("resource_status")]
        public string Status { get; init => field = value ?? "UNKNOWN"; } = "UNKNOWN";
        [JsonPropertyName("resource_status_reason")]
        public string? StatusReason { get; init; }
        /// <summary>The id of the OpenStack resource it made (server, network, volume...), once made.</summary>
        [JsonPropertyName("physical_resource_id")]
        public string? PhysicalId { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
        [JsonPropertyName("creation_time")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_time")]
        public DateTime? Updated { get; init; }
        [JsonPropertyName("required_by")]
        public string[] RequiredBy { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        /// <summary>For a resource of a nested stack: the resource of the parent stack that holds it.</summary>
        [JsonPropertyName("parent_resource")]
        public string? ParentResource { get; init; }
        [JsonIgnore]
        public string? StackName => HeatLink.Stack(Links).Name;
        [JsonIgnore]
        public string? StackId => HeatLink.Stack(Links).Id;
        /// <summary>For a resource that is itself a stack (a nested template, a resource group): its stack id.</summary>
        [JsonIgnore]
        public string? NestedStackId => HeatLink.Stack(Links, "nested").Id;
        /// <summary>The fields of Heat's answer that no property models, as plain .NET values.</summary>
        [JsonIgnore]
        public IDictionary<string, object?> ExtensionData => _extensionData ??= OrchestrationJson.Plain(UnknownFields);
        [JsonIgnore]
        public CloudConnection Cloud { get; internal set; } = null!;

        [JsonPropertyName("resource_name")]
        [JsonInclude]
        internal string? ResourceName { get; init; }
        [JsonPropertyName("logical_resource_id")]
        [JsonInclude]
        internal string? LogicalResourceId { get; init; }
        [JsonPropertyName("links")]
        [JsonInclude]
        internal IReadOnlyList<HeatLink>? Links { get; init; }
        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        public override string ToString() => Name;
    }
}
