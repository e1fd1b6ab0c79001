using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron network.</summary>
    public sealed class Network
    {
        internal Network(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "";
            IsExternal = json.Bool("router:external") ?? false;
            IsShared = json.Bool("shared") ?? false;
            AdminStateUp = json.Bool("admin_state_up") ?? true;
            Mtu = json.Long("mtu");
            PortSecurityEnabled = json.Bool("port_security_enabled");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            SubnetIds = json.StringList("subnets");
            Description = json.Str("description");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string Status { get; }
        public bool IsExternal { get; }
        public bool IsShared { get; }
        public bool AdminStateUp { get; }
        public long? Mtu { get; }
        public bool? PortSecurityEnabled { get; }
        public string? ProjectId { get; }
        public IReadOnlyList<string> SubnetIds { get; }
        public int SubnetCount => SubnetIds.Count;
        public string? Description { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Name;
    }
}
