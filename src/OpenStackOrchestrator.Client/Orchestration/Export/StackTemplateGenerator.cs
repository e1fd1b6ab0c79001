using System;
using System.Collections.Generic;
using System.Linq;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Client.Orchestration.Export
{
    /// <summary>Writes live resources as a HOT template that recreates them and their relations: references as
    /// get_resource wherever Heat can infer the order from them, depends_on only where it cannot, and what lies outside
    /// the set (external networks, images, flavors, key pairs) as parameters whose values go to the environment.</summary>
    public sealed class StackTemplateGenerator
    {
        public const string NamePrefixParameter = "name_prefix";
        private const string RouterInterfaceOwner = "network:router_interface";

        private readonly StackExportSet _set;
        private readonly StackExportOptions _options;
        private readonly HotNames _names = new HotNames();
        private readonly HotNames _parameterNames = new HotNames();
        private readonly HotTemplate _template = new HotTemplate();
        private readonly StackExport _export;
        // live id -> template resource name, per kind (key pairs are known by name)
        private readonly Dictionary<string, string> _groups = Map(), _networks = Map(), _subnets = Map(), _routers = Map(), _ports = Map(),
            _volumes = Map(), _servers = Map(), _serverGroups = Map(), _floatingIps = Map(), _keyPairs = Map();
        private readonly Dictionary<string, string> _outsideNetworkParameters = Map(), _imageParameters = Map(), _flavorParameters = Map(), _keyParameters = Map();
        // subnet id -> the router interface resources on it (what a floating IP association waits for)
        private readonly Dictionary<string, List<string>> _interfacesBySubnet = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        private StackTemplateGenerator(StackExportSet set, StackExportOptions options)
        {
            _set = set;
            _options = options;
            _export = new StackExport(_template);
        }

        public static StackExport Generate(StackExportSet set, StackExportOptions? options = null) =>
            new StackTemplateGenerator(set, options ?? new StackExportOptions()).Run();

        private StackExport Run()
        {
            _template.Description = _options.Description ?? "Exported from live resources by Export-OSStackTemplate";
            _template.Parameters[NamePrefixParameter] = new HotParameter("string", "Prepended to every resource's name, so a copy does not share the originals' names")
            { Default = "" };
            _parameterNames.Take(NamePrefixParameter, "parameter");
            var routerInterfacePorts = _set.Ports.Where(IsRouterInterface).ToList();
            var ports = _set.Ports.Where(p => !IsRouterInterface(p)).ToList();

            foreach (var key in _set.KeyPairs) KeyPair(key);
            foreach (var group in _set.ServerGroups) ServerGroup(group);
            foreach (var group in _set.SecurityGroups) Reserve(_groups, group.Id, group.Name, "secgroup");
            foreach (var group in _set.SecurityGroups) SecurityGroup(group);
            foreach (var network in _set.Networks) Network(network);
            foreach (var subnet in _set.Subnets.Where(s => _networks.ContainsKey(s.NetworkId))) Subnet(subnet);
            foreach (var router in _set.Routers) Router(router);
            foreach (var port in routerInterfacePorts.Where(p => _routers.ContainsKey(p.DeviceId))) RouterInterface(port);
            foreach (var port in ports) Port(port);
            var roots = RootVolumes();
            foreach (var volume in _set.Volumes) Volume(volume);
            foreach (var server in _set.Servers) Server(server, roots);
            foreach (var volume in _set.Volumes) Attachments(volume, roots);
            foreach (var ip in _set.FloatingIPs) FloatingIP(ip);
            return _export;
        }

        private static Dictionary<string, string> Map() => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        private static bool IsRouterInterface(Port port) => port.DeviceOwner.StartsWith(RouterInterfaceOwner, StringComparison.Ordinal);

        private string Reserve(Dictionary<string, string> map, string id, string liveName, string kind)
        {
            if (!map.TryGetValue(id, out var name))
                map[id] = name = _names.Take(liveName, kind);
            return name;
        }

        private HotResource Add(string name, string type, string liveId, string? liveName)
        {
            var resource = new HotResource(type);
            if (liveName != null)
                resource.Properties["name"] = Named(liveName);
            _template.Resources[name] = resource;
            _export.LiveIds[name] = new ExportedResource(type, liveId);
            return resource;
        }

        /// <summary>The live name behind the name_prefix parameter.</summary>
        private static object Named(string liveName) =>
            HotTemplate.ListJoin("", HotTemplate.GetParam(NamePrefixParameter), liveName);

        private string Parameter(Dictionary<string, string> map, string key, string liveName, string kind, string type, string description, string? constraint, object value)
        {
            if (map.TryGetValue(key, out var existing))
                return existing;
            var name = _parameterNames.Take(map.Count == 0 ? kind : kind + "_" + HotNames.Sanitise(liveName), kind);
            _template.Parameters[name] = new HotParameter(type, description) { CustomConstraint = constraint };
            _export.ParameterValues[name] = value;
            return map[key] = name;
        }

        private object OutsideNetwork(string id)
        {
            var name = _set.OutsideNetworks.TryGetValue(id, out var known) && known.Length > 0 ? known : id;
            // the first one (public, usually) is called by its own name: the parameter reads "public: public"
            var parameter = _outsideNetworkParameters.TryGetValue(id, out var existing) ? existing
                : _outsideNetworkParameters[id] = _parameterNames.Take(name, "network");
            if (!_template.Parameters.ContainsKey(parameter))
            {
                _template.Parameters[parameter] = new HotParameter("string", $"An existing network (not created by this template), live: {name}")
                { CustomConstraint = "neutron.network" };
                _export.ParameterValues[parameter] = name;
            }
            return HotTemplate.GetParam(parameter);
        }

        private object NetworkRef(string id) => _networks.TryGetValue(id, out var name) ? HotTemplate.GetResource(name) : OutsideNetwork(id);

        private void KeyPair(KeyPair key)
        {
            if (!_options.KeyPairsAsResources || string.IsNullOrEmpty(key.PublicKey))
                return;
            var name = Reserve(_keyPairs, key.Name, key.Name, "keypair");
            Add(name, "OS::Nova::KeyPair", key.Name, key.Name).Set("public_key", key.PublicKey!.Trim());
        }

        private object KeyRef(string keyName)
        {
            if (_keyPairs.TryGetValue(keyName, out var resource))
                return HotTemplate.GetResource(resource);
            return HotTemplate.GetParam(Parameter(_keyParameters, keyName, keyName, "key_name", "string",
                $"An existing key pair, live: {keyName}", "nova.keypair", keyName));
        }

        private void ServerGroup(ServerGroup group)
        {
            var name = Reserve(_serverGroups, group.Id, group.Name, "servergroup");
            Add(name, "OS::Nova::ServerGroup", group.Id, group.Name)
                .Set("policies", new List<object?> { PolicyText(group.Policy) });
        }

        internal static string PolicyText(ServerGroupPolicy policy)
        {
            switch (policy)
            {
                case ServerGroupPolicy.Affinity: return "affinity";
                case ServerGroupPolicy.SoftAffinity: return "soft-affinity";
                case ServerGroupPolicy.SoftAntiAffinity: return "soft-anti-affinity";
                default: return "anti-affinity";
            }
        }

        private void SecurityGroup(SecurityGroup group)
        {
            if (IsDefaultGroup(group))
                return;
            var name = _groups[group.Id];
            var rules = group.Rules.Select(r => (object?)Rule(group, r)).ToList();
            var resource = Add(name, "OS::Neutron::SecurityGroup", group.Id, group.Name).Set("description", group.Description);
            resource.Properties["rules"] = rules;
        }

        // Neutron makes "default" itself (one per project, no second one): ports refer to it by name.
        private static bool IsDefaultGroup(SecurityGroup group) => string.Equals(group.Name, "default", StringComparison.Ordinal);

        private Dictionary<string, object?> Rule(SecurityGroup group, SecurityGroupRule rule)
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["direction"] = rule.Direction,
                ["ethertype"] = rule.EtherType,
            };
            if (rule.Protocol != SecurityGroupRule.AnyProtocol)
                plain["protocol"] = rule.Protocol;
            if (rule.PortRangeMin.HasValue) plain["port_range_min"] = rule.PortRangeMin.Value;
            if (rule.PortRangeMax.HasValue) plain["port_range_max"] = rule.PortRangeMax.Value;
            if (!string.IsNullOrEmpty(rule.RemoteGroupId))
            {
                plain["remote_mode"] = "remote_group_id";
                // no remote_group_id: Heat's rule then names the group itself (a get_resource to itself would be a loop)
                if (!string.Equals(rule.RemoteGroupId, group.Id, StringComparison.OrdinalIgnoreCase))
                    plain["remote_group_id"] = GroupRef(rule.RemoteGroupId!);
            }
            else if (!string.IsNullOrEmpty(rule.RemoteIPPrefix))
                plain["remote_ip_prefix"] = rule.RemoteIPPrefix;
            if (!string.IsNullOrEmpty(rule.Description))
                plain["description"] = rule.Description;
            return plain;
        }

        private object GroupRef(string id)
        {
            var group = _set.SecurityGroups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
            if (group != null && IsDefaultGroup(group))
                return "default";
            return _groups.TryGetValue(id, out var name) ? HotTemplate.GetResource(name) : id;
        }

        private void Network(Network network)
        {
            if (network.IsExternal)
                return;
            var name = Reserve(_networks, network.Id, network.Name, "net");
            var resource = Add(name, "OS::Neutron::Net", network.Id, network.Name);
            if (!network.AdminStateUp) resource.Properties["admin_state_up"] = false;
            if (network.PortSecurityEnabled == false) resource.Properties["port_security_enabled"] = false;
        }

        private void Subnet(Subnet subnet)
        {
            var name = Reserve(_subnets, subnet.Id, subnet.Name.Length > 0 ? subnet.Name : subnet.Cidr, "subnet");
            var resource = Add(name, "OS::Neutron::Subnet", subnet.Id, subnet.Name);
            resource.Properties["network"] = HotTemplate.GetResource(_networks[subnet.NetworkId]);
            resource.Properties["cidr"] = subnet.Cidr;
            resource.Properties["ip_version"] = subnet.IPVersion;
            // null: Heat's way to say "no gateway" (leaving it out would give the subnet one)
            resource.Properties["gateway_ip"] = string.IsNullOrEmpty(subnet.GatewayIP) ? null : subnet.GatewayIP;
            resource.Properties["enable_dhcp"] = subnet.DhcpEnabled;
            resource.Set("allocation_pools", subnet.Pools?.Select(p => (object?)new Dictionary<string, object?> { ["start"] = p.Start, ["end"] = p.End }).ToList());
            resource.Set("dns_nameservers", subnet.DnsServers.Cast<object?>().ToList());
            resource.Set("host_routes", subnet.Routes?.Select(r => (object?)new Dictionary<string, object?> { ["destination"] = r.Destination, ["nexthop"] = r.NextHop }).ToList());
            resource.Set("ipv6_address_mode", subnet.IPv6AddressMode);
            resource.Set("ipv6_ra_mode", subnet.IPv6RAMode);
        }

        private void Router(Router router)
        {
            var name = Reserve(_routers, router.Id, router.Name, "router");
            var resource = Add(name, "OS::Neutron::Router", router.Id, router.Name);
            if (!string.IsNullOrEmpty(router.ExternalNetworkId))
                resource.Properties["external_gateway_info"] = new Dictionary<string, object?> { ["network"] = NetworkRef(router.ExternalNetworkId!) };
            if (!router.AdminStateUp) resource.Properties["admin_state_up"] = false;
        }

        private void RouterInterface(Port port)
        {
            var router = _routers[port.DeviceId];
            foreach (var ip in port.FixedIPs.Where(f => _subnets.ContainsKey(f.SubnetId)))
            {
                var subnet = _set.Subnets.First(s => string.Equals(s.Id, ip.SubnetId, StringComparison.OrdinalIgnoreCase));
                var name = _names.Take(router + "_" + _subnets[ip.SubnetId], "interface");
                var resource = new HotResource("OS::Neutron::RouterInterface");
                resource.Properties["router"] = HotTemplate.GetResource(router);
                string key, value;
                if (string.Equals(subnet.GatewayIP, ip.IPAddress, StringComparison.OrdinalIgnoreCase))
                {
                    resource.Properties["subnet"] = HotTemplate.GetResource(_subnets[ip.SubnetId]);
                    key = "subnet_id";
                    value = ip.SubnetId;
                }
                else
                {
                    // an interface on another address than the gateway's is a port of its own
                    var portName = Reserve(_ports, port.Id, port.Name.Length > 0 ? port.Name : name + "_port", "port");
                    var portResource = Add(portName, "OS::Neutron::Port", port.Id, port.Name);
                    portResource.Properties["network"] = NetworkRef(port.NetworkId);
                    portResource.Properties["fixed_ips"] = new List<object?> { FixedIp(ip) };
                    resource.Properties["port"] = HotTemplate.GetResource(portName);
                    key = "port_id";
                    value = port.Id;
                }
                _template.Resources[name] = resource;
                // Heat's own id of an interface: router:subnet_id=... or router:port_id=...
                _export.LiveIds[name] = new ExportedResource(resource.Type, $"{port.DeviceId}:{key}={value}");
                if (!_interfacesBySubnet.TryGetValue(ip.SubnetId, out var list))
                    _interfacesBySubnet[ip.SubnetId] = list = new List<string>();
                list.Add(name);
            }
        }

        private Dictionary<string, object?> FixedIp(FixedIP ip)
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (_subnets.TryGetValue(ip.SubnetId, out var subnet))
                plain["subnet"] = HotTemplate.GetResource(subnet);
            plain["ip_address"] = ip.IPAddress;
            return plain;
        }

        private void Port(Port port)
        {
            var server = _set.Servers.FirstOrDefault(s => string.Equals(s.Id, port.DeviceId, StringComparison.OrdinalIgnoreCase));
            var liveName = port.Name.Length > 0 ? port.Name : (server?.Name ?? "") + "_port";
            var name = Reserve(_ports, port.Id, liveName, "port");
            var resource = Add(name, "OS::Neutron::Port", port.Id, port.Name.Length > 0 ? port.Name : null);
            resource.Properties["network"] = NetworkRef(port.NetworkId);
            resource.Set("fixed_ips", port.FixedIPs.Select(f => (object?)FixedIp(f)).ToList());
            if (port.PortSecurityEnabled == false)
                resource.Properties["port_security_enabled"] = false;
            else
                resource.Properties["security_groups"] = port.SecurityGroupIds.Select(GroupRef).ToList();
            resource.Set("allowed_address_pairs", port.AllowedAddressPairs.Select(p => (object?)AddressPair(p)).ToList());
            resource.Set("description", port.Description);
        }

        private static Dictionary<string, object?> AddressPair(AllowedAddressPair pair)
        {
            var plain = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ip_address"] = pair.IPAddress };
            if (pair.MacAddress != null)
                plain["mac_address"] = pair.MacAddress;
            return plain;
        }

        /// <summary>Server id to the volume it boots from (a server without an image boots from its bootable volume on
        /// /dev/vda, or failing that its first bootable one).</summary>
        private Dictionary<string, Volume> RootVolumes()
        {
            var roots = new Dictionary<string, Volume>(StringComparer.OrdinalIgnoreCase);
            foreach (var server in _set.Servers.Where(s => string.IsNullOrEmpty(s.ImageId)))
            {
                var attached = _set.Volumes.Where(v => v.IsAttachedTo(server.Id)).ToList();
                var root = attached.FirstOrDefault(v => v.Attachments.Any(a => a.ServerId == server.Id && a.Device == "/dev/vda"))
                    ?? attached.FirstOrDefault(v => v.Bootable);
                if (root != null)
                    roots[server.Id] = root;
            }
            return roots;
        }

        private object ImageRef(string imageId)
        {
            var live = _set.ImageNames.TryGetValue(imageId, out var known) && known.Length > 0 ? known : imageId;
            return HotTemplate.GetParam(Parameter(_imageParameters, imageId, live, "image", "string",
                $"An existing image, live: {live}", "glance.image", live));
        }

        private void Volume(Volume volume)
        {
            var name = Reserve(_volumes, volume.Id, volume.Name, "volume");
            var resource = Add(name, "OS::Cinder::Volume", volume.Id, volume.Name.Length > 0 ? volume.Name : null);
            resource.Properties["size"] = volume.SizeGB;
            resource.Set("description", volume.Description);
            resource.Set("volume_type", volume.VolumeType);
            if (volume.ImageId != null)
                resource.Properties["image"] = ImageRef(volume.ImageId);
            var metadata = volume.Metadata.Where(m => m.Key != "readonly" && m.Key != "attached_mode")
                .ToDictionary(m => m.Key, m => (object?)m.Value, StringComparer.Ordinal);
            resource.Set("metadata", metadata);
        }

        private void Server(Server server, Dictionary<string, Volume> roots)
        {
            var name = Reserve(_servers, server.Id, server.Name, "server");
            var resource = Add(name, "OS::Nova::Server", server.Id, server.Name);
            if (!string.IsNullOrEmpty(server.ImageId))
                resource.Properties["image"] = ImageRef(server.ImageId!);
            else if (roots.TryGetValue(server.Id, out var root))
                resource.Properties["block_device_mapping_v2"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["boot_index"] = 0, ["volume_id"] = HotTemplate.GetResource(_volumes[root.Id]), ["delete_on_termination"] = false },
                };
            if (!string.IsNullOrEmpty(server.Flavor))
                resource.Properties["flavor"] = HotTemplate.GetParam(Parameter(_flavorParameters, server.Flavor!, server.Flavor!, "flavor", "string",
                    $"An existing flavor, live: {server.Flavor}", "nova.flavor", server.Flavor!));
            if (!string.IsNullOrEmpty(server.KeyName))
                resource.Properties["key_name"] = KeyRef(server.KeyName!);
            var ports = _set.Ports.Where(p => string.Equals(p.DeviceId, server.Id, StringComparison.OrdinalIgnoreCase) && _ports.ContainsKey(p.Id)).ToList();
            resource.Properties["networks"] = ports.Select(p => (object?)new Dictionary<string, object?> { ["port"] = HotTemplate.GetResource(_ports[p.Id]) }).ToList();
            var group = _set.ServerGroups.FirstOrDefault(g => g.Members.Contains(server.Id, StringComparer.OrdinalIgnoreCase));
            if (group != null)
                resource.Properties["scheduler_hints"] = new Dictionary<string, object?> { ["group"] = HotTemplate.GetResource(_serverGroups[group.Id]) };
            if (_set.UserData.TryGetValue(server.Id, out var userData) && userData.Length > 0)
            {
                resource.Properties["user_data_format"] = "RAW";
                resource.Properties["user_data"] = userData;
            }
            resource.Set("metadata", server.Metadata.ToDictionary(m => m.Key, m => (object?)m.Value, StringComparer.Ordinal));
        }

        private void Attachments(Volume volume, Dictionary<string, Volume> roots)
        {
            foreach (var attachment in volume.Attachments.Where(a => _servers.ContainsKey(a.ServerId)))
            {
                if (roots.TryGetValue(attachment.ServerId, out var root) && root.Id == volume.Id)
                    continue;
                var name = _names.Take(_volumes[volume.Id] + "_attachment", "attachment");
                var resource = new HotResource("OS::Cinder::VolumeAttachment");
                resource.Properties["instance_uuid"] = HotTemplate.GetResource(_servers[attachment.ServerId]);
                resource.Properties["volume_id"] = HotTemplate.GetResource(_volumes[volume.Id]);
                resource.Set("mountpoint", attachment.Device);
                _template.Resources[name] = resource;
                // Heat keeps Nova's attachment id, which is the volume's id
                _export.LiveIds[name] = new ExportedResource(resource.Type, volume.Id);
            }
        }

        private void FloatingIP(FloatingIP ip)
        {
            var name = Reserve(_floatingIps, ip.Id, (ip.PortId != null && _ports.TryGetValue(ip.PortId, out var port) ? port : ip.Address.Replace('.', '_')) + "_fip", "fip");
            var resource = new HotResource("OS::Neutron::FloatingIP");
            resource.Properties["floating_network"] = NetworkRef(ip.FloatingNetworkId);
            resource.Set("description", ip.Description);
            _template.Resources[name] = resource;
            _export.LiveIds[name] = new ExportedResource(resource.Type, ip.Id);
            if (ip.PortId == null || !_ports.TryGetValue(ip.PortId, out var portName))
                return;
            var association = new HotResource("OS::Neutron::FloatingIPAssociation");
            association.Properties["floatingip_id"] = HotTemplate.GetResource(name);
            association.Properties["port_id"] = HotTemplate.GetResource(portName);
            association.Set("fixed_ip_address", ip.FixedIPAddress);
            // the address is reachable only once the port's subnet is on a router with a gateway: nothing in the
            // association's properties says so
            var livePort = _set.Ports.First(p => p.Id == ip.PortId);
            foreach (var subnet in livePort.FixedIPs.Select(f => f.SubnetId))
                if (_interfacesBySubnet.TryGetValue(subnet, out var interfaces))
                    foreach (var routerInterface in interfaces)
                        association.DependsOn.Add(routerInterface);
            var associationName = _names.Take(name + "_association", "association");
            _template.Resources[associationName] = association;
            _export.LiveIds[associationName] = new ExportedResource(association.Type, ip.Id + ":" + ip.PortId);
        }
    }
}
