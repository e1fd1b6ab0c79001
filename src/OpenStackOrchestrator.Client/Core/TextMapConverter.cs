using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Metadata and extra specs: a JSON object read as a case-insensitive map of strings. A value that is not a
    /// string keeps its JSON text; null or anything but an object is an empty map.</summary>
    internal sealed class TextMapConverter : JsonConverter<IReadOnlyDictionary<string, string>>
    {
        public override bool HandleNull => true;

        public static Dictionary<string, string> Empty() => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var map = Empty();
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var field in document.RootElement.EnumerateObject())
                    map[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() ?? "" : field.Value.GetRawText();
            return map;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var pair in value)
                writer.WriteString(pair.Key, pair.Value);
            writer.WriteEndObject();
        }
    }
}
