namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What New-OSFlavor sends to POST /flavors.</summary>
    public sealed class FlavorCreateRequest
    {
        public string Name { get; set; } = "";
        /// <summary>The flavor id; Nova makes a UUID when it is null.</summary>
        public string? Id { get; set; }
        public int VCpus { get; set; }
        public long MemoryMB { get; set; }
        public long DiskGB { get; set; }
        public long EphemeralGB { get; set; }
        public long SwapMB { get; set; }
        public bool IsPublic { get; set; } = true;
        /// <summary>Needs microversion 2.55.</summary>
        public string? Description { get; set; }
    }
}
