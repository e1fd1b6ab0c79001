using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Microversion headers per service and parsing of a version document.</summary>
    internal static class Microversions
    {
        /// <summary>The name a service uses in "OpenStack-API-Version: &lt;name&gt; &lt;version&gt;".</summary>
        public static string HeaderService(string serviceType)
        {
            switch (ServiceTypes.Canonical(serviceType))
            {
                case ServiceTypes.BlockStorage: return "volume";
                default: return ServiceTypes.Canonical(serviceType);
            }
        }

        public static void AddHeaders(IDictionary<string, string> headers, string serviceType, string version)
        {
            var name = HeaderService(serviceType);
            headers["OpenStack-API-Version"] = name + " " + version;
            if (name == ServiceTypes.Compute)
                headers["X-OpenStack-Nova-API-Version"] = version;
        }

        /// <summary>Reads {"version": {...}} or {"versions": [...]} and returns the range of the CURRENT version.</summary>
        public static MicroversionRange? Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            if (root.TryGetProperty("version", out var single) && single.ValueKind == JsonValueKind.Object)
                return FromVersion(single);
            if (root.TryGetProperty("versions", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                MicroversionRange? best = null;
                foreach (var v in list.EnumerateArray())
                {
                    var range = FromVersion(v);
                    if (range == null)
                        continue;
                    var status = v.TryGetProperty("status", out var s) ? s.GetString() : null;
                    if (string.Equals(status, "CURRENT", StringComparison.OrdinalIgnoreCase))
                        return range;
                    if (best == null || range.Max > best.Max)
                        best = range;
                }
                return best;
            }
            return null;
        }

        private static MicroversionRange? FromVersion(JsonElement v)
        {
            var max = v.TryGetProperty("version", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var min = v.TryGetProperty("min_version", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (!ApiVersion.TryParse(max, out var maxVersion))
                return null;
            ApiVersion.TryParse(min, out var minVersion);
            return new MicroversionRange(minVersion, maxVersion);
        }
    }
}
