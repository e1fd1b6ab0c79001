using System;
using System.Globalization;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>The date forms Swift uses: RFC 1123 in Last-Modified, seconds since 1970 in X-Timestamp.</summary>
    internal static class HttpDates
    {
        public static DateTime? Parse(string? value) =>
            value != null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date.UtcDateTime : (DateTime?)null;

        public static DateTime? FromSwiftTimestamp(string? value) =>
            value != null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).UtcDateTime : (DateTime?)null;
    }
}
