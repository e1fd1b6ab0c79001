using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A whole number sent as a number or as digits in a string; anything else (Nova's flavor "swap": "" for
    /// no swap, a null) reads as 0 instead of failing the whole answer.</summary>
    internal sealed class LenientInt64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

        internal static long ReadNumber(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var number) ? number : 0;
                case JsonTokenType.String:
                    return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                default:
                    reader.Skip();
                    return 0;
            }
        }
    }

    /// <summary><see cref="LenientInt64Converter"/> for int properties.</summary>
    internal sealed class LenientInt32Converter : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var number = LenientInt64Converter.ReadNumber(ref reader);
            return number > int.MaxValue || number < int.MinValue ? 0 : (int)number;
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}
