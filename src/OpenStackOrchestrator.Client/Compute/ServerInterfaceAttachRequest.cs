using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>What POST /servers/{id}/os-interface takes: an existing port, or a network (and optionally an address on it).</summary>
    internal sealed class ServerInterfaceAttachRequest
    {
        [JsonPropertyName("port_id")]
        public string? PortId { get; init; }
        [JsonPropertyName("net_id")]
        public string? NetworkId { get; init; }
        [JsonPropertyName("fixed_ips")]
        public IReadOnlyList<FixedIPRequest>? FixedIPs { get; init; }
    }
}
