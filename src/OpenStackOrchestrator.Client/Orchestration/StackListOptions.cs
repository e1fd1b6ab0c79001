namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Filters for GET /stacks, applied by Heat.</summary>
    public sealed class StackListOptions
    {
        /// <summary>An exact name.</summary>
        public string? Name { get; set; }
        /// <summary>Also list the stacks nested in other stacks (templates used as resources, resource groups).</summary>
        public bool IncludeNested { get; set; }
        public int? Limit { get; set; }
    }
}
