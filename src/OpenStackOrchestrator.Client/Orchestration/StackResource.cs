using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A resource of a stack (or of one of its nested stacks): its template name, type, status and the id
    /// of what it created (a server id, a network id...).</summary>
    public sealed class StackResource
    {
        internal StackResource(JsonElement json, CloudConnection cloud)
        {
            Name = json.Str("resource_name") ?? json.Str("logical_resource_id") ?? "";
            Type = json.Str("resource_type");
            Status = json.Str("resource_status") ?? "UNKNOWN";
            StatusReason = json.Str("resource_status_reason");
            PhysicalId = json.Str("physical_resource_id") is string id && id.Length > 0 ? id : null;
            Created = json.Time("creation_time");
            Updated = json.Time("updated_time");
            RequiredBy = json.StringList("required_by").ToArray();
            ParentResource = json.Str("parent_resource");
            (StackName, StackId) = HeatLinks.Stack(json);
            NestedStackId = HeatLinks.Stack(json, "nested").Id;
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        /// <summary>The resource's name in the template.</summary>
        public string Name { get; }
        public string? Type { get; }
        public string Status { get; }
        public string? StatusReason { get; }
        /// <summary>The id of the OpenStack resource it made (server, network, volume...), once made.</summary>
        public string? PhysicalId { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        public string[] RequiredBy { get; }
        /// <summary>For a resource of a nested stack: the resource of the parent stack that holds it.</summary>
        public string? ParentResource { get; }
        public string? StackName { get; }
        public string? StackId { get; }
        /// <summary>For a resource that is itself a stack (a nested template, a resource group): its stack id.</summary>
        public string? NestedStackId { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
