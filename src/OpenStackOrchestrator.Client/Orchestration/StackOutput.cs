using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>One output of a stack, its value as plain data (text, number, list, dictionary).</summary>
    public sealed class StackOutput
    {
        private object? _value;
        private bool _valueRead;

        [JsonPropertyName("output_key")]
        public string Name { get; init => field = value ?? ""; } = "";
        [JsonIgnore]
        public object? Value
        {
            get
            {
                if (!_valueRead)
                {
                    _value = JsonPlain.ToPlain(RawValue);
                    _valueRead = true;
                }
                return _value;
            }
        }
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>Why Heat could not compute the value, when it could not.</summary>
        [JsonPropertyName("output_error")]
        public string? Error { get; init; }
        [JsonIgnore]
        public string StackName => Stack?.Name ?? "";
        [JsonIgnore]
        public string StackId => Stack?.Id ?? "";
        [JsonIgnore]
        public CloudConnection Cloud => Stack?.Cloud!;

        [JsonPropertyName("output_value")]
        [JsonInclude]
        internal JsonElement RawValue { get; init; }

        /// <summary>The stack the output was read with.</summary>
        [JsonIgnore]
        internal Stack? Stack { get; set; }

        public override string ToString() => Name;
    }
}
