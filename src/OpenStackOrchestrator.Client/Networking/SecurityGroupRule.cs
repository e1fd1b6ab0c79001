using System;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>One rule of a security group: traffic in one direction, of one protocol and port range, from or to
    /// an address range or the members of a group.</summary>
    [TableView("Direction", "EtherType", "Protocol", "PortRange", "Remote", "Description", "Id")]
    public sealed class SecurityGroupRule : OSResource
    {
        private readonly string _protocol = AnyProtocol;

        public static readonly ResourceDefinition<SecurityGroupRule> Definition = new ResourceDefinition<SecurityGroupRule>
        {
            Kind = "security group rule",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/security-group-rules",
            Key = "security_group_rule",
            CollectionKey = "security_group_rules",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.SecurityGroupRule,
            SupportsFields = true,
            NameFilter = null,
            TypeName = "OpenStackOrchestrator.SecurityGroupRule",
            Filters = new System.Collections.Generic.Dictionary<string, string>
            {
                ["SecurityGroupId"] = "security_group_id",
                ["Direction"] = "direction",
                ["Protocol"] = "protocol",
                ["EtherType"] = "ethertype",
            },
        };

        /// <summary>How a rule for every protocol shows its protocol (Neutron leaves it null).</summary>
        public const string AnyProtocol = "any";

        [JsonPropertyName("security_group_id")]
        public string SecurityGroupId { get; init => field = value ?? ""; } = "";
        /// <summary>ingress or egress.</summary>
        [JsonPropertyName("direction")]
        public string Direction { get; init => field = value ?? ""; } = "";
        /// <summary>IPv4 or IPv6.</summary>
        [JsonPropertyName("ethertype")]
        public string EtherType { get; init => field = value ?? ""; } = "";
        /// <summary>tcp, udp, icmp..., or any.</summary>
        [JsonPropertyName("protocol")]
        public string Protocol { get => _protocol; init => _protocol = value ?? AnyProtocol; }
        [JsonPropertyName("port_range_min")]
        public int? PortRangeMin { get; init; }
        [JsonPropertyName("port_range_max")]
        public int? PortRangeMax { get; init; }
        /// <summary>"22", "8000-8100", or "any" (for ICMP the numbers are the type and code).</summary>
        [DerivedFrom("port_range_min", "port_range_max")]
        public string PortRange =>
            PortRangeMin == null && PortRangeMax == null ? "any"
            : PortRangeMin == PortRangeMax || PortRangeMax == null ? $"{PortRangeMin}"
            : $"{PortRangeMin}-{PortRangeMax}";
        [JsonPropertyName("remote_ip_prefix")]
        public string? RemoteIPPrefix { get; init; }
        [JsonPropertyName("remote_group_id")]
        public string? RemoteGroupId { get; init; }
        /// <summary>Where traffic may come from (or go to): "group &lt;id&gt;", an address prefix, or "any".</summary>
        [DerivedFrom("remote_group_id", "remote_ip_prefix")]
        public string Remote =>
            !string.IsNullOrEmpty(RemoteGroupId) ? "group " + RemoteGroupId : !string.IsNullOrEmpty(RemoteIPPrefix) ? RemoteIPPrefix! : "any";
        [JsonPropertyName("description")]
        public string? Description { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }

        public override string ToString() =>
            $"{Direction} {EtherType} {Protocol} {PortRange} {(Direction == "egress" ? "to" : "from")} {RemoteGroupId ?? RemoteIPPrefix ?? "any"}";
    }
}
