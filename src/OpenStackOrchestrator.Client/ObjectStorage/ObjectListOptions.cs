namespace OpenStackOrchestrator.Client.ObjectStorage
{
    public sealed class ObjectListOptions
    {
        /// <summary>Only names that start with this.</summary>
        public string? Prefix { get; set; }
        /// <summary>Names that have this after the prefix are rolled up into one pseudo-folder entry ("a/").</summary>
        public string? Delimiter { get; set; }
        /// <summary>At most this many entries (pushed down as limit=).</summary>
        public int? Limit { get; set; }
    }
}
