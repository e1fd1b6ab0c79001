using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>One of the links Heat gives a resource or an event. Heat names the stack they belong to only there
    /// (rel "stack": .../stacks/{name}/{id}); with nested_depth that is the nested stack.</summary>
    internal sealed class HeatLink
    {
        [JsonPropertyName("href")]
        public string? Href { get; init; }
        [JsonPropertyName("rel")]
        public string? Rel { get; init; }

        /// <summary>The name and id of the stack the first link of relation <paramref name="rel"/> points at.</summary>
        public static (string? Name, string? Id) Stack(IReadOnlyList<HeatLink>? links, string rel = "stack")
        {
            foreach (var link in links ?? Array.Empty<HeatLink>())
            {
                if (link.Rel != rel || link.Href == null)
                    continue;
                var path = Uri.TryCreate(link.Href, UriKind.Absolute, out var uri) ? uri.AbsolutePath : link.Href;
                var segments = path.TrimEnd('/').Split('/');
                var stacks = Array.LastIndexOf(segments, "stacks");
                if (stacks >= 0 && segments.Length > stacks + 2)
                    return (Uri.UnescapeDataString(segments[stacks + 1]), Uri.UnescapeDataString(segments[stacks + 2]));
            }
            return (null, null);
        }
    }
}
