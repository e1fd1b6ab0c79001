using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>What an update would do to one resource (Update-OSStack -PreviewOnly): Added, Deleted, Replaced,
    /// Updated or Unchanged.</summary>
    public sealed class StackChange
    {
        internal StackChange(string change, JsonElement json, string stackName)
        {
            Change = change;
            ResourceName = json.Str("resource_name") ?? "";
            ResourceType = json.Str("resource_type");
            PhysicalId = json.Str("physical_resource_id") is string id && id.Length > 0 ? id : null;
            StackName = json.Str("stack_name") ?? stackName;
            ExtensionData = JsonPlain.ToDictionary(json);
        }

        public string Change { get; }
        public string ResourceName { get; }
        public string? ResourceType { get; }
        public string? PhysicalId { get; }
        public string StackName { get; }
        public IDictionary<string, object?> ExtensionData { get; }

        public override string ToString() => $"{Change} {ResourceName}";
    }
}
