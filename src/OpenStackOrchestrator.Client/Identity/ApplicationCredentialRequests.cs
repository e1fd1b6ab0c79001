using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>The body of POST /v3/users/{user_id}/application_credentials (Keystone makes the secret).</summary>
    public sealed class ApplicationCredentialCreateRequest
    {
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        /// <summary>ISO 8601 UTC; null: never expires.</summary>
        [JsonPropertyName("expires_at")]
        public string? ExpiresAt { get; init; }
        /// <summary>Null: all of the user's roles on the token's project.</summary>
        [JsonPropertyName("roles")]
        public IReadOnlyList<RoleReference>? Roles { get; init; }
        [JsonPropertyName("unrestricted")]
        public bool? Unrestricted { get; init; }
    }
}
