using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>From everything a project has (<paramref name="project"/>, as the collector read it) to what a
    /// selection covers: each selected resource with what it depends on. Networks the project does not own and
    /// external ones are never resources: they stay parameters.</summary>
    public static class StackExportScope
    {
        public static StackExportSet Select(StackExportSet project, StackExportSelection selection, string? projectId)
        {
            var s = selection.All ? Everything(project, projectId) : Closure(project, selection, projectId);
            var set = new StackExportSet();
            foreach (var x in project.Servers.Where(x => s.Servers.Contains(x.Id))) set.Servers.Add(x);
            foreach (var x in project.Ports.Where(x => s.Ports.Contains(x.Id))) set.Ports.Add(x);
            foreach (var x in project.Networks.Where(x => s.Networks.Contains(x.Id))) set.Networks.Add(x);
            foreach (var x in project.Subnets.Where(x => s.Subnets.Contains(x.Id))) set.Subnets.Add(x);
            foreach (var x in project.Routers.Where(x => s.Routers.Contains(x.Id))) set.Routers.Add(x);
            foreach (var x in project.SecurityGroups.Where(x => s.SecurityGroups.Contains(x.Id))) set.SecurityGroups.Add(x);
            foreach (var x in project.FloatingIPs.Where(x => s.FloatingIPs.Contains(x.Id))) set.FloatingIPs.Add(x);
            foreach (var x in project.Volumes.Where(x => s.Volumes.Contains(x.Id))) set.Volumes.Add(x);
            foreach (var x in project.ServerGroups.Where(x => s.ServerGroups.Contains(x.Id))) set.ServerGroups.Add(x);
            foreach (var x in project.KeyPairs.Where(x => s.KeyPairs.Contains(x.Name))) set.KeyPairs.Add(x);
            foreach (var n in project.Networks.Where(n => !s.Networks.Contains(n.Id))) set.OutsideNetworks[n.Id] = n.Name;
            foreach (var n in project.OutsideNetworks) set.OutsideNetworks[n.Key] = n.Value;
            foreach (var i in project.ImageNames) set.ImageNames[i.Key] = i.Value;
            foreach (var u in project.UserData.Where(u => s.Servers.Contains(u.Key))) set.UserData[u.Key] = u.Value;
            return set;
        }

        /// <summary>Ports a template can recreate: a server's, a router interface, or one not attached to anything
        /// (not DHCP, gateway or floating IP ports Neutron makes itself).</summary>
        public static bool IsUserPort(Port port) =>
            port.DeviceOwner.Length == 0 || port.DeviceOwner.StartsWith("compute:", StringComparison.Ordinal)
            || port.DeviceOwner.StartsWith("network:router_interface", StringComparison.Ordinal);

        private static bool Owned(Network network, string? projectId) =>
            !network.IsExternal && (projectId == null || network.ProjectId == null || string.Equals(network.ProjectId, projectId, StringComparison.OrdinalIgnoreCase));

        private static StackExportSelection Everything(StackExportSet project, string? projectId)
        {
            var s = new StackExportSelection();
            foreach (var x in project.Servers) s.Servers.Add(x.Id);
            foreach (var x in project.Networks.Where(n => Owned(n, projectId))) s.Networks.Add(x.Id);
            foreach (var x in project.Routers) s.Routers.Add(x.Id);
            foreach (var x in project.SecurityGroups) s.SecurityGroups.Add(x.Id);
            foreach (var x in project.FloatingIPs) s.FloatingIPs.Add(x.Id);
            foreach (var x in project.Volumes) s.Volumes.Add(x.Id);
            foreach (var x in project.ServerGroups) s.ServerGroups.Add(x.Id);
            foreach (var x in project.KeyPairs) s.KeyPairs.Add(x.Name);
            foreach (var x in project.Ports.Where(p => IsUserPort(p) && (p.DeviceOwner.Length == 0 || p.DeviceId.Length == 0))) s.Ports.Add(x.Id);
            return Closure(project, s, projectId);
        }

        private static StackExportSelection Closure(StackExportSet project, StackExportSelection selection, string? projectId)
        {
            var s = new StackExportSelection();
            var networks = project.Networks.ToDictionary(n => n.Id, StringComparer.OrdinalIgnoreCase);
            void Network(string id)
            {
                if (!networks.TryGetValue(id, out var network) || !Owned(network, projectId) || !s.Networks.Add(id))
                    return;
                foreach (var subnet in project.Subnets.Where(x => x.NetworkId == id)) Subnet(subnet.Id);
            }
            void Subnet(string id)
            {
                var subnet = project.Subnets.FirstOrDefault(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase));
                if (subnet == null || !s.Subnets.Add(id))
                    return;
                Network(subnet.NetworkId);
                // the routers on the subnet: without them its servers' floating IPs would lead nowhere
                foreach (var port in project.Ports.Where(p => p.DeviceOwner.StartsWith("network:router_interface", StringComparison.Ordinal)
                    && p.FixedIPs.Any(f => string.Equals(f.SubnetId, id, StringComparison.OrdinalIgnoreCase))))
                {
                    Router(port.DeviceId);
                    if (s.Routers.Contains(port.DeviceId)) s.Ports.Add(port.Id);
                }
            }
            void Router(string id)
            {
                if (project.Routers.All(r => !string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)) || !s.Routers.Add(id))
                    return;
                foreach (var port in project.Ports.Where(p => p.DeviceId == id && p.DeviceOwner.StartsWith("network:router_interface", StringComparison.Ordinal)))
                    if (port.FixedIPs.Any(f => s.Subnets.Contains(f.SubnetId)))
                        s.Ports.Add(port.Id);
            }
            void Group(string id)
            {
                var group = project.SecurityGroups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
                if (group == null || !s.SecurityGroups.Add(id))
                    return;
                foreach (var rule in group.Rules.Where(r => !string.IsNullOrEmpty(r.RemoteGroupId))) Group(rule.RemoteGroupId!);
            }
            void PortOf(string id)
            {
                var port = project.Ports.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
                if (port == null || !IsUserPort(port) || !s.Ports.Add(id))
                    return;
                Network(port.NetworkId);
                foreach (var ip in port.FixedIPs) Subnet(ip.SubnetId);
                foreach (var group in port.SecurityGroupIds) Group(group);
                foreach (var fip in project.FloatingIPs.Where(f => string.Equals(f.PortId, id, StringComparison.OrdinalIgnoreCase))) s.FloatingIPs.Add(fip.Id);
            }
            void Server(string id)
            {
                var server = project.Servers.FirstOrDefault(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase));
                if (server == null || !s.Servers.Add(id))
                    return;
                foreach (var port in project.Ports.Where(p => string.Equals(p.DeviceId, id, StringComparison.OrdinalIgnoreCase))) PortOf(port.Id);
                foreach (var volume in project.Volumes.Where(v => v.IsAttachedTo(id))) s.Volumes.Add(volume.Id);
                foreach (var group in project.ServerGroups.Where(g => g.Members.Contains(id, StringComparer.OrdinalIgnoreCase))) s.ServerGroups.Add(group.Id);
                if (!string.IsNullOrEmpty(server.KeyName)) s.KeyPairs.Add(server.KeyName!);
            }

            foreach (var id in selection.Servers) Server(id);
            foreach (var id in selection.Ports) PortOf(id);
            foreach (var id in selection.Networks) Network(id);
            foreach (var id in selection.Subnets) Subnet(id);
            foreach (var id in selection.Routers)
            {
                Router(id);
                foreach (var port in project.Ports.Where(p => p.DeviceId == id && p.DeviceOwner.StartsWith("network:router_interface", StringComparison.Ordinal)))
                    foreach (var ip in port.FixedIPs) Subnet(ip.SubnetId);
            }
            foreach (var id in selection.SecurityGroups) Group(id);
            foreach (var id in selection.FloatingIPs)
            {
                s.FloatingIPs.Add(id);
                var fip = project.FloatingIPs.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
                if (fip?.PortId != null) PortOf(fip.PortId);
            }
            foreach (var id in selection.Volumes) s.Volumes.Add(id);
            foreach (var id in selection.ServerGroups) s.ServerGroups.Add(id);
            foreach (var name in selection.KeyPairs) s.KeyPairs.Add(name);
            return s;
        }
    }
}
