using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A flag sent as true/false or as the string "true"/"false" (Cinder's "bootable"); anything else is false.</summary>
    internal sealed class LenientBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.String:
                    return string.Equals(reader.GetString(), "true", StringComparison.OrdinalIgnoreCase);
                default:
                    reader.Skip();
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}
