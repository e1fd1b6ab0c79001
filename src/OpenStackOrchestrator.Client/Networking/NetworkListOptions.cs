using System.Collections.Generic;
namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>Server-side filters for GET /v2.0/networks. Neutron matches names exactly.</summary>
    public sealed class NetworkListOptions
    {
        public string? Name { get; set; }
        public bool? IsExternal { get; set; }
        public bool? IsShared { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/subnets.</summary>
    public sealed class SubnetListOptions
    {
        public string? Name { get; set; }
        public string? NetworkId { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/ports.</summary>
    public sealed class PortListOptions
    {
        public string? Name { get; set; }
        public string? NetworkId { get; set; }
        /// <summary>The server (or router) the port belongs to.</summary>
        public string? DeviceId { get; set; }
        public string? DeviceOwner { get; set; }
        /// <summary>Ports that have this fixed IP address.</summary>
        public string? IPAddress { get; set; }
        public int? Limit { get; set; }
        /// <summary>Only these JSON fields (Port.Definition.FieldsOf(properties)); null: all.</summary>
        public IReadOnlyList<string>? Fields { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/routers.</summary>
    public sealed class RouterListOptions
    {
        public string? Name { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/security-groups.</summary>
    public sealed class SecurityGroupListOptions
    {
        public string? Name { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/security-group-rules.</summary>
    public sealed class SecurityGroupRuleListOptions
    {
        public string? SecurityGroupId { get; set; }
        /// <summary>ingress or egress.</summary>
        public string? Direction { get; set; }
        /// <summary>tcp, udp, icmp... (Neutron's name).</summary>
        public string? Protocol { get; set; }
        /// <summary>IPv4 or IPv6.</summary>
        public string? EtherType { get; set; }
        public int? Limit { get; set; }
    }

    /// <summary>Server-side filters for GET /v2.0/floatingips.</summary>
    public sealed class FloatingIPListOptions
    {
        public string? Address { get; set; }
        public string? PortId { get; set; }
        public string? FloatingNetworkId { get; set; }
        public int? Limit { get; set; }
    }
}
