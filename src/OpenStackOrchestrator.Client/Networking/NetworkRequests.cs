using System.Text.Json.Serialization;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>What New-OSNetwork sends to POST /v2.0/networks; null fields are left to Neutron's defaults.</summary>
    public sealed class NetworkCreateRequest
    {
        /// <summary>The owning project (an admin's setting); null: the caller's project.</summary>
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; set; }
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        /// <summary>router:external (an administrator's setting by default policy).</summary>
        [JsonPropertyName("router:external")]
        public bool? IsExternal { get; set; }
        [JsonPropertyName("shared")]
        public bool? IsShared { get; set; }
        [JsonPropertyName("mtu")]
        public int? Mtu { get; set; }
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; set; }
    }

    /// <summary>The changes Set-OSNetwork sends to PUT /v2.0/networks/{id}; null fields stay as they are.</summary>
    public sealed class NetworkUpdate
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
        [JsonPropertyName("description")]
        public string? Description { get; set; }
        [JsonPropertyName("router:external")]
        public bool? IsExternal { get; set; }
        [JsonPropertyName("shared")]
        public bool? IsShared { get; set; }
        [JsonPropertyName("mtu")]
        public int? Mtu { get; set; }
        [JsonPropertyName("port_security_enabled")]
        public bool? PortSecurityEnabled { get; set; }
    }
}
