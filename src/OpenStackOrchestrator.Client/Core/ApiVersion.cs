using System;
using System.Globalization;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>A microversion such as 2.47 (compared numerically: 2.9 is below 2.10).</summary>
    public readonly struct ApiVersion : IComparable<ApiVersion>
    {
        public ApiVersion(int major, int minor)
        {
            Major = major;
            Minor = minor;
        }

        public int Major { get; }
        public int Minor { get; }

        public static ApiVersion Parse(string text)
        {
            if (!TryParse(text, out var v))
                throw new FormatException($"'{text}' is not a microversion (expected MAJOR.MINOR).");
            return v;
        }

        public static bool TryParse(string? text, out ApiVersion version)
        {
            version = default;
            if (string.IsNullOrWhiteSpace(text))
                return false;
            var parts = text!.Trim().TrimStart('v', 'V').Split('.');
            if (parts.Length != 2 ||
                !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
                return false;
            version = new ApiVersion(major, minor);
            return true;
        }

        public int CompareTo(ApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);
        public static bool operator <(ApiVersion a, ApiVersion b) => a.CompareTo(b) < 0;
        public static bool operator >(ApiVersion a, ApiVersion b) => a.CompareTo(b) > 0;
        public static bool operator <=(ApiVersion a, ApiVersion b) => a.CompareTo(b) <= 0;
        public static bool operator >=(ApiVersion a, ApiVersion b) => a.CompareTo(b) >= 0;
        public override string ToString() => $"{Major}.{Minor}";
    }

    /// <summary>The microversions a service endpoint accepts.</summary>
    public sealed class MicroversionRange
    {
        public MicroversionRange(ApiVersion min, ApiVersion max)
        {
            Min = min;
            Max = max;
        }

        public ApiVersion Min { get; }
        public ApiVersion Max { get; }
        public bool Supports(ApiVersion v) => v >= Min && v <= Max;
        public override string ToString() => $"{Min}-{Max}";
    }
}
