using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>What every resource read from a cloud has: an id, a name, the cloud it came from, and the fields this
    /// version of the module does not model (kept, not dropped: a newer cloud's fields stay visible).</summary>
    public abstract class OSResource
    {
        private IDictionary<string, object?>? _extensionData;

        // Absent or null in an answer: "". (System.Text.Json's generated code sets every init-only member, a missing
        // one to null, whatever its initializer says: dotnet/runtime#84484.)
        [JsonPropertyName("id")]
        public virtual string Id { get; init => field = value ?? ""; } = "";

        [JsonPropertyName("name")]
        public virtual string Name { get; init => field = value ?? ""; } = "";

        /// <summary>The fields of the cloud's answer that no property models, as plain .NET values.</summary>
        [JsonIgnore]
        public IDictionary<string, object?> ExtensionData =>
            _extensionData ??= Plain(UnknownFields);

        [JsonIgnore]
        public CloudConnection Cloud { get; internal set; } = null!;

        [JsonExtensionData]
        [JsonInclude]
        internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

        private static IDictionary<string, object?> Plain(Dictionary<string, JsonElement>? fields)
        {
            var plain = new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
            if (fields != null)
                foreach (var field in fields)
                    plain[field.Key] = JsonPlain.ToPlain(field.Value);
            return plain;
        }

        public override string ToString() => Name.Length > 0 ? Name : Id;
    }
}
