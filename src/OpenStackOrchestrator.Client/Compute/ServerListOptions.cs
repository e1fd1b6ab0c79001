namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Server-side filters for GET /servers/detail.</summary>
    public sealed class ServerListOptions
    {
        /// <summary>A regular expression on the name (Nova matches it server-side).</summary>
        public string? NameRegex { get; set; }
        public string? Status { get; set; }
        public string? ImageId { get; set; }
        public string? FlavorId { get; set; }
        /// <summary>Servers of every project (admin only).</summary>
        public bool AllProjects { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /flavors/detail.</summary>
    public sealed class FlavorListOptions
    {
        public int? MinMemoryMB { get; set; }
        public int? MinDiskGB { get; set; }
        /// <summary>Include private flavors (admins see every flavor).</summary>
        public bool IncludePrivate { get; set; }
        public int? Limit { get; set; }
    }
}
