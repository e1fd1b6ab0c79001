using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Client.Core
{
    internal static class Pagination
    {
        /// <summary>The next page's URL or path, or null on the last page.</summary>
        public static string? NextLink(JsonElement root, string collectionKey)
        {
            // Nova, Cinder and Neutron: "<key>_links"; Heat: "links".
            foreach (var name in new[] { collectionKey + "_links", "links" })
            {
                if (!root.TryGetProperty(name, out var links) || links.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var link in links.EnumerateArray())
                {
                    if (link.TryGetProperty("rel", out var rel) && rel.GetString() == "next" &&
                        link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String)
                        return href.GetString();
                }
            }
            // Glance: "next": "/v2/images?marker=..." relative to the endpoint root.
            if (root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String)
                return next.GetString();
            return null;
        }

        private static readonly Regex VersionSegment = new Regex(@"^(.*?/v\d+(\.\d+)?)(/.*)?$", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>The endpoint up to its version segment: .../v3/{project} gives .../v3.</summary>
        public static string VersionRoot(string endpoint)
        {
            var m = VersionSegment.Match(endpoint.TrimEnd('/'));
            return m.Success ? m.Groups[1].Value : endpoint.TrimEnd('/');
        }
    }
}
