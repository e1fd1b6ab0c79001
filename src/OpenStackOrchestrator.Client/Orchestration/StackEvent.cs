using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>One state change of a stack or of one of its resources, as Heat records it.</summary>
    public sealed class StackEvent
    {
        internal StackEvent(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Time = json.Time("event_time");
            ResourceName = json.Str("resource_name") ?? json.Str("logical_resource_id") ?? "";
            Status = json.Str("resource_status") ?? "";
            StatusReason = json.Str("resource_status_reason");
            PhysicalId = json.Str("physical_resource_id");
            ResourceType = json.Str("resource_type");
            (StackName, StackId) = HeatLinks.Stack(json);
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public DateTime? Time { get; }
        /// <summary>The resource's name in the template; the stack's own name for events of the stack itself.</summary>
        public string ResourceName { get; }
        public string Status { get; }
        public string? StatusReason { get; }
        public string? PhysicalId { get; }
        public string? ResourceType { get; }
        /// <summary>The stack the event belongs to (a nested stack's, with a nesting depth).</summary>
        public string? StackName { get; }
        public string? StackId { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        /// <summary>True for an event of the stack itself rather than of one of its resources.</summary>
        public bool IsStackEvent => PhysicalId != null && PhysicalId == StackId && ResourceName == StackName;

        public override string ToString() => $"{Time:u} {ResourceName} {Status} {StatusReason}";
    }
}
