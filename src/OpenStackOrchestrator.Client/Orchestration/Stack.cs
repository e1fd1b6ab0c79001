using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A Heat stack. A listing fills in the summary; a stack read by name or id (and the stacks the
    /// cmdlets return after acting) also has its Parameters and Outputs.</summary>
    [TableView("Name", "Status", "Created", "Updated", "StatusReason")]
    public sealed class Stack : OSResource
    {
        public static readonly ResourceDefinition<Stack> Definition = new ResourceDefinition<Stack>
        {
            Kind = "stack",
            ServiceType = ServiceTypes.Orchestration,
            // Heat addresses a stack as stacks/{name}/{id}; stacks/{name or id} redirects there.
            Path = "/stacks",
            Key = "stack",
            CollectionKey = "stacks",
            Paging = PagingStyle.Links,
            Json = OrchestrationJson.Default.Stack,
            TypeName = "OpenStackOrchestrator.Stack",
            Filters = new Dictionary<string, string> { ["ShowNested"] = "show_nested" },
        };

        private IReadOnlyDictionary<string, string>? _parameters;

        /// <summary>Heat names a stack's name stack_name.</summary>
        [JsonIgnore]
        [DerivedFrom("stack_name")]
        public override string Name => StackName ?? "";

        /// <summary>Heat's stack_status: CREATE_COMPLETE, UPDATE_IN_PROGRESS, DELETE_FAILED...</summary>
        [JsonPropertyName("stack_status")]
        public string Status { get; init => field = value ?? "UNKNOWN"; } = "UNKNOWN";
        [JsonPropertyName("stack_status_reason")]
        public string? StatusReason { get; init; }
        /// <summary>The action part of <see cref="Status"/> (CREATE, UPDATE, SUSPEND...).</summary>
        [DerivedFrom("stack_status")]
        public string Action => StackStatus.ActionOf(Status);
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("creation_time")]
        public DateTime? Created { get; init; }
        [JsonPropertyName("updated_time")]
        public DateTime? Updated { get; init; }

        /// <summary>The parameter values the stack was created or updated with (those Heat adds itself left out).</summary>
        [DerivedFrom("parameters")]
        public IReadOnlyDictionary<string, string> Parameters => _parameters ??= (ParameterValues ?? new Dictionary<string, JsonElement>())
            // Heat adds OS::stack_id, OS::stack_name and OS::project_id to the parameters the stack was given.
            .Where(p => !p.Key.StartsWith("OS::", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);

        [JsonPropertyName("outputs")]
        public IReadOnlyList<StackOutput> Outputs
        {
            get;
            init
            {
                field = value ?? Array.Empty<StackOutput>();
                foreach (var output in field)
                    output.Stack = this;
            }
        } = Array.Empty<StackOutput>();

        [JsonPropertyName("tags")]
        public string[] Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        /// <summary>The id of the parent stack, for a nested stack.</summary>
        [JsonPropertyName("parent")]
        public string? ParentId { get; init; }
        [JsonPropertyName("timeout_mins")]
        public long? TimeoutMinutes { get; init; }

        [JsonPropertyName("stack_name")]
        [JsonInclude]
        internal string? StackName { get; init; }

        [JsonPropertyName("parameters")]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? ParameterValues { get; init; }
    }
}
