using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron floating IP: an address of an external network, mapped (through a router) to a port's fixed IP.</summary>
    public sealed class FloatingIP
    {
        internal FloatingIP(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Address = json.Str("floating_ip_address") ?? "";
            FixedIPAddress = json.Str("fixed_ip_address");
            PortId = json.Str("port_id");
            FloatingNetworkId = json.Str("floating_network_id") ?? "";
            RouterId = json.Str("router_id");
            Status = json.Str("status") ?? "";
            var details = json.Obj("port_details");
            ServerId = details.Str("device_owner") is string owner && owner.StartsWith("compute:", StringComparison.Ordinal) ? details.Str("device_id") : null;
            Description = json.Str("description");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        /// <summary>The floating address itself.</summary>
        public string Address { get; }
        /// <summary>Floating IPs have no name: the address stands for it (in messages and in -FloatingIP).</summary>
        public string Name => Address;
        /// <summary>The port's address the floating IP maps to; null when not associated.</summary>
        public string? FixedIPAddress { get; }
        public string? PortId { get; }
        public string FloatingNetworkId { get; }
        public string? RouterId { get; }
        /// <summary>ACTIVE, DOWN or ERROR (DOWN until an L3 agent has set it up).</summary>
        public string Status { get; }
        /// <summary>The server that has the port (needs Neutron's fip-port-details extension).</summary>
        public string? ServerId { get; }
        public string? Description { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Address;
    }
}
