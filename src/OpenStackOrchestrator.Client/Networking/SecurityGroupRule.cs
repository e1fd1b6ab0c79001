using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>One rule of a security group: traffic in one direction, of one protocol and port range, from or to
    /// an address range or the members of a group.</summary>
    public sealed class SecurityGroupRule
    {
        internal SecurityGroupRule(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            SecurityGroupId = json.Str("security_group_id") ?? "";
            Direction = json.Str("direction") ?? "";
            EtherType = json.Str("ethertype") ?? "";
            Protocol = json.Str("protocol") ?? AnyProtocol;
            PortRangeMin = (int?)json.Long("port_range_min");
            PortRangeMax = (int?)json.Long("port_range_max");
            RemoteIPPrefix = json.Str("remote_ip_prefix");
            RemoteGroupId = json.Str("remote_group_id");
            Description = json.Str("description");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        /// <summary>How a rule for every protocol shows its protocol (Neutron leaves it null).</summary>
        public const string AnyProtocol = "any";

        public string Id { get; }
        public string SecurityGroupId { get; }
        /// <summary>ingress or egress.</summary>
        public string Direction { get; }
        /// <summary>IPv4 or IPv6.</summary>
        public string EtherType { get; }
        /// <summary>tcp, udp, icmp..., or any.</summary>
        public string Protocol { get; }
        public int? PortRangeMin { get; }
        public int? PortRangeMax { get; }
        /// <summary>"22", "8000-8100", or "any" (for ICMP the numbers are the type and code).</summary>
        public string PortRange =>
            PortRangeMin == null && PortRangeMax == null ? "any"
            : PortRangeMin == PortRangeMax || PortRangeMax == null ? $"{PortRangeMin}"
            : $"{PortRangeMin}-{PortRangeMax}";
        public string? RemoteIPPrefix { get; }
        public string? RemoteGroupId { get; }
        /// <summary>Where traffic may come from (or go to): "group &lt;id&gt;", an address prefix, or "any".</summary>
        public string Remote =>
            !string.IsNullOrEmpty(RemoteGroupId) ? "group " + RemoteGroupId : !string.IsNullOrEmpty(RemoteIPPrefix) ? RemoteIPPrefix! : "any";
        public string? Description { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }

        public override string ToString() =>
            $"{Direction} {EtherType} {Protocol} {PortRange} {(Direction == "egress" ? "to" : "from")} {RemoteGroupId ?? RemoteIPPrefix ?? "any"}";
    }
}
