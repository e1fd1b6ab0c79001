using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A Heat stack. A listing fills in the summary; a stack read by name or id (and the stacks the
    /// cmdlets return after acting) also has its Parameters and Outputs.</summary>
    public sealed class Stack
    {
        internal Stack(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("stack_name") ?? "";
            Status = json.Str("stack_status") ?? "UNKNOWN";
            StatusReason = json.Str("stack_status_reason");
            Description = json.Str("description");
            Created = json.Time("creation_time");
            Updated = json.Time("updated_time");
            ParentId = json.Str("parent");
            TimeoutMinutes = json.Long("timeout_mins");
            // Heat adds OS::stack_id, OS::stack_name and OS::project_id to the parameters the stack was given.
            Parameters = json.StringMap("parameters").Where(p => !p.Key.StartsWith("OS::", StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            Tags = json.StringList("tags").ToArray();
            Outputs = json.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Array
                ? outputs.EnumerateArray().Select(o => new StackOutput(o, Name, Id, cloud)).ToList()
                : new List<StackOutput>();
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Name { get; }
        public string Id { get; }
        /// <summary>Heat's stack_status: CREATE_COMPLETE, UPDATE_IN_PROGRESS, DELETE_FAILED...</summary>
        public string Status { get; }
        public string? StatusReason { get; }
        /// <summary>The action part of <see cref="Status"/> (CREATE, UPDATE, SUSPEND...).</summary>
        public string Action => StackStatus.ActionOf(Status);
        public string? Description { get; }
        public DateTime? Created { get; }
        public DateTime? Updated { get; }
        /// <summary>The parameter values the stack was created or updated with (those Heat adds itself left out).</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }
        public IReadOnlyList<StackOutput> Outputs { get; }
        public string[] Tags { get; }
        /// <summary>The id of the parent stack, for a nested stack.</summary>
        public string? ParentId { get; }
        public long? TimeoutMinutes { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
