using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron security group: a set of rules that ports apply to the traffic they let in and out.</summary>
    public sealed class SecurityGroup
    {
        internal SecurityGroup(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Description = json.Str("description");
            Rules = Subnet.Objects(json, "security_group_rules").Select(r => new SecurityGroupRule(r, cloud)).ToList();
            Stateful = json.Bool("stateful");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string? Description { get; }
        public IReadOnlyList<SecurityGroupRule> Rules { get; }
        public bool? Stateful { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Name;
    }
}
