using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>OpenStack times as UTC: "2026-12-01T10:00:00Z", Nova's "2026-12-01T10:00:00.000000" (no zone: UTC) and
    /// Cinder's "2026-12-01T10:00:00.123456"; anything unreadable is null rather than a failed answer.</summary>
    public sealed class UtcTimeConverter : JsonConverter<DateTime?>
    {
        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String &&
            DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.UtcDateTime
                : (DateTime?)null;

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
                writer.WriteStringValue(value.Value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            else
                writer.WriteNullValue();
        }
    }
}
