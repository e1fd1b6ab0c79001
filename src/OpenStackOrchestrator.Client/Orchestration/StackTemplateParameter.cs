using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A parameter a template expects, as Heat's template validation describes it (Test-OSStackTemplate).</summary>
    [TableView("Name", "Type", "Default", "Description")]
    public sealed class StackTemplateParameter
    {
        private IDictionary<string, object?>? _extensionData;

        [JsonIgnore]
        public string Name { get; internal set; } = "";
        /// <summary>String, Number, CommaDelimitedList, Json or Boolean.</summary>
        [JsonPropertyName("Type")]
        public string? Type { get; init; }
        [JsonIgnore]
        public object? Default => JsonPlain.ToPlain(DefaultValue);
        /// <summary>False when the parameter must be given.</summary>
        [JsonIgnore]
        public bool HasDefault => DefaultValue.ValueKind != JsonValueKind.Undefined;
        [JsonPropertyName("Description")]
        public string? Description { get; init => field = string.IsNullOrEmpty(value) ? null : value; }
        [JsonPropertyName("Label")]
        public string? Label { get; init; }
        /// <summary>True for a hidden value (a password).</summary>
        [JsonIgnore]
        public bool NoEcho => NoEchoValue.ValueKind == JsonValueKind.True ||
                              (NoEchoValue.ValueKind == JsonValueKind.String && string.Equals(NoEchoValue.GetString(), "true", System.StringComparison.OrdinalIgnoreCase));
        /// <summary>What else Heat says about it: its constraints (AllowedValues, MinLength...) and any newer field.</summary>
        [JsonIgnore]
        public IDictionary<string, object?> ExtensionData => _extensionData ??= OrchestrationJson.Plain(UnknownFields);

        [JsonPropertyName("Default")]
        [JsonInclude]
        internal JsonElement DefaultValue { get; init; }
        /// <summary>Heat sends "true" or "false" as text.</summary>
        [JsonPropertyName("NoEcho")]
        [JsonInclude]
        internal JsonElement NoEchoValue { get; init; }
        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>What POST /validate answers (the parameters; the rest is not read).</summary>
    internal sealed class TemplateValidation
    {
        [JsonPropertyName("Parameters")]
        public Dictionary<string, StackTemplateParameter>? Parameters { get; init; }
    }
}
