using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Client.Telemetry
{
    /// <summary>Gnocchi writes durations as Python's str(timedelta): "0:05:00", "7 days, 0:00:00", "1 day, 0:00:00"
    /// (and accepts seconds as a number); unreadable text is zero rather than a failed answer.</summary>
    public sealed class GnocchiTimeSpanConverter : JsonConverter<TimeSpan>
    {
        private static readonly Regex Python = new Regex(@"^\s*(?:(?<days>-?\d+) days?, )?(?<h>\d+):(?<m>\d{2}):(?<s>\d{2}(?:\.\d+)?)\s*$", RegexOptions.Compiled);

        public static TimeSpan Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
                return TimeSpan.Zero;
            var match = Python.Match(text!);
            if (match.Success)
            {
                var days = match.Groups["days"].Success ? int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture) : 0;
                return TimeSpan.FromDays(days) + TimeSpan.FromHours(int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture))
                    + TimeSpan.FromMinutes(int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture))
                    + TimeSpan.FromSeconds(double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture));
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        }

        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number ? TimeSpan.FromSeconds(reader.GetDouble())
            : reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : TimeSpan.Zero;

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.TotalSeconds);
    }
}
