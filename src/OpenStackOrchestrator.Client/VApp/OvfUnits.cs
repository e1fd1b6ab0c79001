using System;
using System.Globalization;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>DMTF programmatic units (DSP0004 annex C) as OVF writes them: "byte * 2^20", "byte*2^30", "byte",
    /// and the older names "MegaBytes", "GigaBytes", "KB".</summary>
    public static class OvfUnits
    {
        private static readonly Regex Programmatic = new Regex(@"^\s*byte\s*(\*\s*(?<base>\d+)\s*\^\s*(?<exp>-?\d+)\s*)?(\*\s*(?<factor>\d+)\s*)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static long Parse(string units, string? fileName = null)
        {
            var m = Programmatic.Match(units);
            if (m.Success)
            {
                long value = 1;
                if (m.Groups["base"].Success)
                {
                    var b = long.Parse(m.Groups["base"].Value, CultureInfo.InvariantCulture);
                    var e = int.Parse(m.Groups["exp"].Value, CultureInfo.InvariantCulture);
                    if (e < 0 || e > 60)
                        throw Unsupported(units, fileName);
                    for (var i = 0; i < e; i++)
                        value = checked(value * b);
                }
                if (m.Groups["factor"].Success)
                    value = checked(value * long.Parse(m.Groups["factor"].Value, CultureInfo.InvariantCulture));
                return value;
            }
            switch (units.Trim().ToLowerInvariant())
            {
                case "bytes": return 1;
                case "kb": case "kilobytes": return 1L << 10;
                case "mb": case "megabytes": return 1L << 20;
                case "gb": case "gigabytes": return 1L << 30;
                case "tb": case "terabytes": return 1L << 40;
                default: throw Unsupported(units, fileName);
            }
        }

        /// <summary>The units a writer puts for a power of two: "byte * 2^30".</summary>
        public static string PowerOfTwo(int exponent) => exponent == 0 ? "byte" : $"byte * 2^{exponent.ToString(CultureInfo.InvariantCulture)}";

        private static Exception Unsupported(string units, string? fileName) =>
            new InvalidOvfException(OvfProblem.Unsupported, $"Unknown allocation units '{units}'" + (fileName == null ? "." : $" in '{fileName}'."), fileName);
    }
}
