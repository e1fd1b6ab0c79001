using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>One output of a stack, its value as plain data (text, number, list, dictionary).</summary>
    public sealed class StackOutput
    {
        internal StackOutput(JsonElement json, string stackName, string stackId, CloudConnection cloud)
        {
            Name = json.Str("output_key") ?? "";
            Value = json.TryGetProperty("output_value", out var value) ? JsonPlain.ToPlain(value) : null;
            Description = json.Str("description");
            Error = json.Str("output_error");
            StackName = stackName;
            StackId = stackId;
            Cloud = cloud;
        }

        public string Name { get; }
        public object? Value { get; }
        public string? Description { get; }
        /// <summary>Why Heat could not compute the value, when it could not.</summary>
        public string? Error { get; }
        public string StackName { get; }
        public string StackId { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() => Name;
    }
}
