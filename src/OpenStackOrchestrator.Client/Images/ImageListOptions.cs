using System.Collections.Generic;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Server-side filters for GET /v2/images.</summary>
    public sealed class ImageListOptions
    {
        /// <summary>Exact name (Glance has no wildcard filter).</summary>
        public string? Name { get; set; }
        public string? Visibility { get; set; }
        public string? Status { get; set; }
        public IList<string> Tags { get; } = new List<string>();
        public string? Owner { get; set; }
        public int? Limit { get; set; }
    }
}
