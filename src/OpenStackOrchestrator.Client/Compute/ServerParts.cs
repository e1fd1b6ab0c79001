using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A server's "flavor": its sizes and original name from microversion 2.47, only its id below.</summary>
    internal sealed class ServerFlavor
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
        [JsonPropertyName("original_name")]
        public string? OriginalName { get; init; }
        [JsonPropertyName("vcpus")]
        [JsonConverter(typeof(LenientInt32Converter))]
        public int VCpus { get; init; }
        [JsonPropertyName("ram")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long MemoryMB { get; init; }
        [JsonPropertyName("disk")]
        [JsonConverter(typeof(LenientInt64Converter))]
        public long DiskGB { get; init; }
    }

    /// <summary>A server's "image" (Nova sends "" instead for a server booted from a volume).</summary>
    internal sealed class ServerImage
    {
        [JsonPropertyName("id")]
        public string? Id { get; init; }
    }

    /// <summary>One address of a server on a network.</summary>
    internal sealed class ServerAddress
    {
        [JsonPropertyName("addr")]
        public string? Address { get; init; }
    }

    /// <summary>Why a server is in ERROR.</summary>
    internal sealed class ServerFault
    {
        [JsonPropertyName("message")]
        public string? Message { get; init; }
    }
}
