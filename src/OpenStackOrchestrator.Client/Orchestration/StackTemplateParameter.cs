using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>A parameter a template expects, as Heat's template validation describes it (Test-OSStackTemplate).</summary>
    public sealed class StackTemplateParameter
    {
        internal StackTemplateParameter(string name, JsonElement json)
        {
            Name = name;
            Type = json.Str("Type");
            Default = json.TryGetProperty("Default", out var value) ? JsonPlain.ToPlain(value) : null;
            HasDefault = json.TryGetProperty("Default", out _);
            Description = json.Str("Description") is string d && d.Length > 0 ? d : null;
            Label = json.Str("Label");
            NoEcho = string.Equals(json.Str("NoEcho"), "true", System.StringComparison.OrdinalIgnoreCase) || json.Bool("NoEcho") == true;
            ExtensionData = JsonPlain.ToDictionary(json);
        }

        public string Name { get; }
        /// <summary>String, Number, CommaDelimitedList, Json or Boolean.</summary>
        public string? Type { get; }
        public object? Default { get; }
        /// <summary>False when the parameter must be given.</summary>
        public bool HasDefault { get; }
        public string? Description { get; }
        public string? Label { get; }
        /// <summary>True for a hidden value (a password).</summary>
        public bool NoEcho { get; }
        /// <summary>Everything Heat says about it, constraints included (AllowedValues, MinLength...).</summary>
        public IDictionary<string, object?> ExtensionData { get; }

        public override string ToString() => Name;
    }
}
