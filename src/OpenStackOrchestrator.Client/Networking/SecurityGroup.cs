using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron security group: a set of rules that ports apply to the traffic they let in and out.</summary>
    [TableView("Name", "Rules.Count", "Description", "Id")]
    public sealed class SecurityGroup : OSResource
    {
        private IReadOnlyList<SecurityGroupRule> _rules = Array.Empty<SecurityGroupRule>();

        public static readonly ResourceDefinition<SecurityGroup> Definition = new ResourceDefinition<SecurityGroup>
        {
            Kind = "security group",
            ServiceType = ServiceTypes.Network,
            Path = "/v2.0/security-groups",
            Key = "security_group",
            CollectionKey = "security_groups",
            Paging = PagingStyle.NeutronMarker,
            Json = NetworkingJson.Default.SecurityGroup,
            SupportsFields = true,
            TypeName = "OpenStackOrchestrator.SecurityGroup",
            Tagging = TagSupport.Neutron,
        };

        /// <summary>The resource's tags (Add-OSTag, Remove-OSTag; Get- cmdlets filter by them with -Tag).</summary>
        [JsonPropertyName("tags")]
        public IReadOnlyList<string> Tags { get; init => field = value ?? Array.Empty<string>(); } = Array.Empty<string>();
        [JsonPropertyName("description")]
        public string? Description { get; init; }

        /// <summary>The group's rules; each comes from the group's cloud (the cloud is set on the group only once it has
        /// been read, so the rules take it when they are first asked for).</summary>
        [JsonPropertyName("security_group_rules")]
        public IReadOnlyList<SecurityGroupRule> Rules
        {
            get
            {
                foreach (var rule in _rules)
                    if (rule.Cloud == null)
                        rule.Cloud = Cloud;
                return _rules;
            }
            init => _rules = value ?? Array.Empty<SecurityGroupRule>();
        }

        [JsonPropertyName("stateful")]
        public bool? Stateful { get; init; }
        [JsonPropertyName("project_id")]
        public string? ProjectId { get; init; }
        [JsonPropertyName("created_at")]
        public DateTime? Created { get; init; }

        public override string ToString() => Name;
    }
}
