using System;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Heat names the stack a resource or event belongs to only in its links (rel "stack":
    /// .../stacks/{name}/{id}); with nested_depth that is the nested stack.</summary>
    internal static class HeatLinks
    {
        public static (string? Name, string? Id) Stack(JsonElement json, string rel = "stack")
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
                return (null, null);
            foreach (var link in links.EnumerateArray())
            {
                if (link.Str("rel") != rel || !(link.Str("href") is string href))
                    continue;
                var path = Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : href;
                var segments = path.TrimEnd('/').Split('/');
                var stacks = Array.LastIndexOf(segments, "stacks");
                if (stacks >= 0 && segments.Length > stacks + 2)
                    return (Uri.UnescapeDataString(segments[stacks + 1]), Uri.UnescapeDataString(segments[stacks + 2]));
            }
            return (null, null);
        }
    }
}
