using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron router: routes between the subnets attached to it and, through its gateway, to an external network.</summary>
    public sealed class Router
    {
        internal Router(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            Status = json.Str("status") ?? "";
            AdminStateUp = json.Bool("admin_state_up") ?? true;
            var gateway = json.Obj("external_gateway_info");
            ExternalNetworkId = gateway.Str("network_id");
            ExternalIPAddress = Subnet.Objects(gateway, "external_fixed_ips").Select(f => f.Str("ip_address") ?? "").ToArray();
            SnatEnabled = gateway.Bool("enable_snat");
            Routes = Subnet.Objects(json, "routes").Select(r => $"{r.Str("destination")}={r.Str("nexthop")}").ToList();
            Description = json.Str("description");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string Status { get; }
        public bool AdminStateUp { get; }
        /// <summary>The network of the router's gateway; null without a gateway.</summary>
        public string? ExternalNetworkId { get; }
        /// <summary>The gateway's addresses on the external network.</summary>
        public string[] ExternalIPAddress { get; }
        public bool? SnatEnabled { get; }
        /// <summary>Extra routes, "destination=nexthop".</summary>
        public IReadOnlyList<string> Routes { get; }
        public string? Description { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Name.Length > 0 ? Name : Id;
    }
}
