using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>What an update would do to one resource (Update-OSStack -PreviewOnly): Added, Deleted, Replaced,
    /// Updated or Unchanged.</summary>
    [TableView("Change", "ResourceName", "ResourceType", "PhysicalId")]
    public sealed class StackChange
    {
        private IDictionary<string, object?>? _extensionData;

        [JsonIgnore]
        public string Change { get; internal set; } = "";
        [JsonPropertyName("resource_name")]
        public string ResourceName { get; init => field = value ?? ""; } = "";
        [JsonPropertyName("resource_type")]
        public string? ResourceType { get; init; }
        [JsonPropertyName("physical_resource_id")]
        public string? PhysicalId { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
        /// <summary>The stack the resource is in (a nested stack's name for its resources).</summary>
        [JsonPropertyName("stack_name")]
        [JsonInclude]
        public string StackName { get; internal set; } = "";
        /// <summary>The fields of Heat's answer that no property models, as plain .NET values.</summary>
        [JsonIgnore]
        public IDictionary<string, object?> ExtensionData => _extensionData ??= OrchestrationJson.Plain(UnknownFields);

        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        public override string ToString() => $"{Change} {ResourceName}";
    }

    /// <summary>What PUT or PATCH .../preview answers: the stack's resources by what the update would do to them.</summary>
    internal sealed class StackPreview
    {
        [JsonPropertyName("resource_changes")]
        public StackResourceChanges? ResourceChanges { get; init; }
    }

    internal sealed class StackResourceChanges
    {
        [JsonPropertyName("added")]
        public List<StackChange>? Added { get; init; }
        [JsonPropertyName("deleted")]
        public List<StackChange>? Deleted { get; init; }
        [JsonPropertyName("replaced")]
        public List<StackChange>? Replaced { get; init; }
        [JsonPropertyName("updated")]
        public List<StackChange>? Updated { get; init; }
        [JsonPropertyName("unchanged")]
        public List<StackChange>? Unchanged { get; init; }

        /// <summary>Every change, each marked with what it is, in Heat's order of kinds.</summary>
        public IEnumerable<StackChange> All(string stackName)
        {
            foreach (var (kind, changes) in new[] { ("Added", Added), ("Deleted", Deleted), ("Replaced", Replaced), ("Updated", Updated), ("Unchanged", Unchanged) })
                foreach (var change in changes ?? new List<StackChange>())
                {
                    change.Change = kind;
                    if (change.StackName.Length == 0)
                        change.StackName = stackName;
                    yield return change;
                }
        }
    }
}
