using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What POST /os-keypairs takes: a name, and the public key to import (none: Nova generates the key pair,
    /// below microversion 2.92).</summary>
    internal sealed class KeyPairCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
        [JsonPropertyName("public_key")]
        public string? PublicKey { get; init; }
    }
}
