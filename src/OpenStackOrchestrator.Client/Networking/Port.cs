using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>A Neutron port: one virtual NIC on a network (a server's, a router's, or not yet attached).</summary>
    public sealed class Port
    {
        internal Port(JsonElement json, CloudConnection cloud)
        {
            Id = json.Str("id") ?? "";
            Name = json.Str("name") ?? "";
            NetworkId = json.Str("network_id") ?? "";
            MacAddress = json.Str("mac_address") ?? "";
            Status = json.Str("status") ?? "";
            AdminStateUp = json.Bool("admin_state_up") ?? true;
            FixedIPs = Subnet.Objects(json, "fixed_ips").Select(f => new FixedIP(f.Str("subnet_id") ?? "", f.Str("ip_address") ?? "")).ToList();
            IPAddress = FixedIPs.Select(f => f.IPAddress).ToArray();
            DeviceId = json.Str("device_id") ?? "";
            DeviceOwner = json.Str("device_owner") ?? "";
            SecurityGroupIds = json.StringList("security_groups");
            AllowedAddressPairs = Subnet.Objects(json, "allowed_address_pairs")
                .Select(p => new AllowedAddressPair(p.Str("ip_address") ?? "", p.Str("mac_address"))).ToList();
            PortSecurityEnabled = json.Bool("port_security_enabled");
            BindingHostId = json.Str("binding:host_id");
            BindingVnicType = json.Str("binding:vnic_type");
            Description = json.Str("description");
            ProjectId = json.Str("project_id") ?? json.Str("tenant_id");
            Created = json.Time("created_at");
            ExtensionData = JsonPlain.ToDictionary(json);
            Cloud = cloud;
        }

        public string Id { get; }
        public string Name { get; }
        public string NetworkId { get; }
        public string MacAddress { get; }
        /// <summary>ACTIVE, DOWN, BUILD or ERROR.</summary>
        public string Status { get; }
        public bool AdminStateUp { get; }
        public IReadOnlyList<FixedIP> FixedIPs { get; }
        public string[] IPAddress { get; }
        /// <summary>The id of the server or router that uses the port; empty when unattached.</summary>
        public string DeviceId { get; }
        /// <summary>compute:&lt;zone&gt; for a server's port, network:router_interface, network:dhcp...</summary>
        public string DeviceOwner { get; }
        /// <summary>The server's id when a server uses the port.</summary>
        public string? ServerId => DeviceOwner.StartsWith("compute:", StringComparison.Ordinal) && DeviceId.Length > 0 ? DeviceId : null;
        public IReadOnlyList<string> SecurityGroupIds { get; }
        public IReadOnlyList<AllowedAddressPair> AllowedAddressPairs { get; }
        public bool? PortSecurityEnabled { get; }
        public string? BindingHostId { get; }
        public string? BindingVnicType { get; }
        public string? Description { get; }
        public string? ProjectId { get; }
        public DateTime? Created { get; }
        public IDictionary<string, object?> ExtensionData { get; }
        public CloudConnection Cloud { get; }
        public override string ToString() => Name.Length > 0 ? Name : Id;
    }

    /// <summary>An address of a port on one of its network's subnets.</summary>
    public sealed class FixedIP
    {
        public FixedIP(string subnetId, string ipAddress)
        {
            SubnetId = subnetId;
            IPAddress = ipAddress;
        }

        public string SubnetId { get; }
        public string IPAddress { get; }
        public override string ToString() => $"{SubnetId}={IPAddress}";
    }

    /// <summary>An extra address (or CIDR) that port security lets through a port, e.g. a VRRP virtual IP.</summary>
    public sealed class AllowedAddressPair
    {
        public AllowedAddressPair(string ipAddress, string? macAddress)
        {
            IPAddress = ipAddress;
            MacAddress = macAddress;
        }

        public string IPAddress { get; }
        /// <summary>Null: the port's own MAC address.</summary>
        public string? MacAddress { get; }
        public override string ToString() => MacAddress == null ? IPAddress : $"{IPAddress}={MacAddress}";
    }
}
