using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What New-OSFlavor sends to POST /flavors.</summary>
    public sealed class FlavorCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        /// <summary>The flavor id; Nova makes a UUID when it is null.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }
        [JsonPropertyName("vcpus")]
        public int VCpus { get; set; }
        [JsonPropertyName("ram")]
        public long MemoryMB { get; set; }
        [JsonPropertyName("disk")]
        public long DiskGB { get; set; }
        [JsonPropertyName("OS-FLV-EXT-DATA:ephemeral")]
        public long EphemeralGB { get; set; }
        [JsonPropertyName("swap")]
        public long SwapMB { get; set; }
        [JsonPropertyName("os-flavor-access:is_public")]
        public bool IsPublic { get; set; } = true;
        /// <summary>Needs microversion 2.55.</summary>
        [JsonPropertyName("description")]
        public string? Description { get; set; }
    }
}
