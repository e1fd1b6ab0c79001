using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>The body of a stack create, update or preview.</summary>
    public sealed class StackRequest
    {
        public StackRequest(TemplateBundle bundle) => Bundle = bundle;

        public TemplateBundle Bundle { get; }
        /// <summary>Parameter values: text, numbers, lists or dictionaries (for json parameters).</summary>
        public IDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>();
        /// <summary>Heat fails the operation after this many minutes (its default is an hour).</summary>
        public int? TimeoutMinutes { get; set; }
        public IList<string> Tags { get; } = new List<string>();
        /// <summary>For an update: keep the current template and the values of parameters not given (PATCH).</summary>
        public bool KeepExisting { get; set; }
        /// <summary>For a create: Heat's stack-adopt data (JSON text, as Export-OSStackTemplate -ForAdopt writes it):
        /// the stack takes over the live resources it names instead of creating them. The template comes from it.</summary>
        public string? AdoptStackData { get; set; }
        /// <summary>How many resources the operation will touch, when the bundle's template does not say (adopt data).</summary>
        public int ExpectedResources { get; set; }

        internal StackRequestBody Body(string? stackName) => new StackRequestBody
        {
            StackName = stackName,
            Template = Bundle.Template,
            TemplateUrl = Bundle.TemplateUrl,
            Files = Bundle.Files.Count > 0 ? Bundle.Files : null,
            Environment = Bundle.Environment.Count > 0 ? Bundle.Environment : null,
            Parameters = Parameters.Count > 0 ? Parameters : null,
            TimeoutMinutes = TimeoutMinutes,
            Tags = Tags.Count > 0 ? string.Join(",", Tags) : null,
            AdoptStackData = AdoptStackData,
        };
    }

    /// <summary>What POST /stacks, PUT or PATCH /stacks/{name}/{id} (and their preview) and POST /validate send.</summary>
    internal sealed class StackRequestBody
    {
        /// <summary>For a create only.</summary>
        [JsonPropertyName("stack_name")]
        public string? StackName { get; init; }
        [JsonPropertyName("template")]
        public Dictionary<string, object?>? Template { get; init; }
        [JsonPropertyName("template_url")]
        public string? TemplateUrl { get; init; }
        [JsonPropertyName("files")]
        public Dictionary<string, string>? Files { get; init; }
        [JsonPropertyName("environment")]
        public Dictionary<string, object?>? Environment { get; init; }
        [JsonPropertyName("parameters")]
        public IDictionary<string, object?>? Parameters { get; init; }
        [JsonPropertyName("timeout_mins")]
        public int? TimeoutMinutes { get; init; }
        /// <summary>Heat takes the tags as one comma-separated text.</summary>
        [JsonPropertyName("tags")]
        public string? Tags { get; init; }
        /// <summary>Sent as text, as heatclient does: Heat parses it itself (JSON or YAML).</summary>
        [JsonPropertyName("adopt_stack_data")]
        public string? AdoptStackData { get; init; }
    }
}
