using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Reads "anti-affinity", "soft_anti_affinity" or "AntiAffinity" as the enum member AntiAffinity, and any
    /// value this version does not know (a newer cloud's) as the enum's default member instead of failing the whole
    /// answer. Writes the OpenStack spelling: lower case, words joined by <see cref="Separator"/>.</summary>
    public class TolerantEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        protected virtual char Separator => '-';

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                return default;
            var text = (reader.GetString() ?? "").Replace("-", "").Replace("_", "");
            return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) ? value : default;
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ToApi(value, Separator));

        public static string ToApi(TEnum value, char separator)
        {
            var name = value.ToString();
            var text = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]))
                    text.Append(separator);
                text.Append(char.ToLowerInvariant(name[i]));
            }
            return text.ToString();
        }
    }
}
