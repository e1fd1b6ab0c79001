using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;
using static OpenStackOrchestrator.Client.Tests.Network.NeutronRecorded;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>Neutron's answers read into the declared models: every modelled field in its property, the rest (a newer
    /// cloud's fields among them) in ExtensionData.</summary>
    public class NeutronModelTests
    {
        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
                list.Add(item);
            return list;
        }

        /// <param name="notFound">Calls answered first with Neutron's recorded 404 (a name tried as an id).</param>
        private static FakeCloud Answering(string urlPattern, JsonNode body, string? notFound = null)
        {
            var fake = new FakeCloud().WithTokens(1);
            if (notFound != null)
            {
                var missing = RecordedResponse.Load("errors/neutron-404.json");
                fake.Http.ForCallsTo(notFound).RespondWith(missing.Body, missing.Status, missing.Headers);
            }
            fake.Http.ForCallsTo(urlPattern).RespondWith(body.ToJsonString(), 200, FakeCloud.JsonType);
            return fake;
        }

        [Fact]
        public async Task A_port_answered_with_only_some_fields_keeps_the_defaults_of_the_rest()
        {
            // What ?fields=id&fields=name gives: the generator would set the absent members to null and false.
            var body = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["id"] = "p1", ["name"] = "web" }) };
            using var fake = Answering(Url + "/ports*", body);
            using var cloud = fake.Connect();

            var port = Assert.Single(await ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { Fields = new[] { "id", "name" } })));

            Assert.Equal("web", port.Name);
            Assert.True(port.AdminStateUp);
            Assert.Empty(port.FixedIPs);
            Assert.Empty(port.IPAddress);
            Assert.Equal("", port.Status);
            Assert.Null(port.ServerId);
            fake.Http.ShouldHaveCalled(Url + "/ports?fields=id&fields=name");
        }

        [Fact]
        public async Task A_network_list_from_a_newer_cloud_still_reads_and_keeps_its_new_fields()
        {
            var body = List("networks");
            var network = body["networks"]![0]!;
            network["status"] = "DEGRADED";
            network["oso_newer_field"] = new JsonObject { ["level"] = 3 };
            using var fake = Answering(Url + "/networks*", body);
            using var cloud = fake.Connect();

            var read = Assert.Single(await ToListAsync(cloud.Network.ListNetworksAsync(name: "oso-fixture-net")));

            Assert.Equal("DEGRADED", read.Status);
            Assert.Equal(NetworkId, read.Id);
            Assert.Equal("oso-fixture-net", read.Name);
            Assert.Equal(1450, read.Mtu);
            Assert.False(read.IsExternal);
            Assert.Equal(new[] { SubnetId }, read.SubnetIds);
            Assert.Same(cloud, read.Cloud);
            var newer = Assert.IsType<Dictionary<string, object?>>(read.ExtensionData["oso_newer_field"]);
            Assert.Equal(3L, newer["level"]);
            Assert.True(read.ExtensionData.ContainsKey("revision_number"));
            foreach (var modelled in new[] { "id", "name", "status", "mtu", "router:external", "subnets", "created_at" })
                Assert.False(read.ExtensionData.ContainsKey(modelled), modelled + " is modelled, so it is not in ExtensionData");
            Assert.Equal($"{Url}/networks?name=oso-fixture-net", Assert.Single(fake.CallsTo(Url)).Request.Url.ToString());
        }

        [Fact]
        public async Task List_filters_are_sent_as_Neutron_names_them()
        {
            using var fake = Answering(Url + "/networks*", List("networks"));
            using var cloud = fake.Connect();

            await ToListAsync(cloud.Network.ListNetworksAsync(new NetworkListOptions { IsExternal = true, IsShared = false, Limit = 5 }));

            Assert.Equal($"{Url}/networks?router%3Aexternal=true&shared=false&limit=5", fake.CallsTo(Url)[0].Request.Url.ToString());
        }

        [Fact]
        public async Task A_subnet_reads_its_pools_and_routes_as_text_and_its_missing_gateway_as_null()
        {
            var body = List("subnets");
            body["subnets"]![0]!["host_routes"] = new JsonArray(new JsonObject { ["destination"] = "10.99.0.0/16", ["nexthop"] = "10.77.0.1" });
            using var fake = Answering(Url + "/subnets*", body);
            using var cloud = fake.Connect();

            var subnet = Assert.Single(await ToListAsync(cloud.Network.ListSubnetsAsync(new SubnetListOptions { NetworkId = NetworkId })));

            Assert.Equal(new[] { "10.77.0.10-10.77.0.99" }, subnet.AllocationPools);
            Assert.Equal(new[] { "10.99.0.0/16=10.77.0.1" }, subnet.HostRoutes);
            Assert.Equal(new[] { "10.77.0.2" }, subnet.DnsServers);
            Assert.Null(subnet.GatewayIP);
            Assert.True(subnet.DhcpEnabled);
            Assert.Equal(4, subnet.IPVersion);
            Assert.Equal("10.77.0.0/24", subnet.Cidr);
            Assert.False(subnet.ExtensionData.ContainsKey("allocation_pools"));
            Assert.True(subnet.ExtensionData.ContainsKey("service_types"));
        }

        [Fact]
        public async Task A_router_reads_its_gateway_and_one_without_a_gateway_has_none()
        {
            var body = List("routers");
            var without = body["routers"]![0]!.DeepClone();
            without["id"] = "00000000-0000-4000-8000-000000000001";
            without["external_gateway_info"] = null;
            body["routers"]!.AsArray().Add(without);
            using var fake = Answering(Url + "/routers*", body);
            using var cloud = fake.Connect();

            var routers = await ToListAsync(cloud.Network.ListRoutersAsync(new RouterListOptions()));

            Assert.Equal(PublicNetworkId, routers[0].ExternalNetworkId);
            Assert.Equal(new[] { "192.0.2.128" }, routers[0].ExternalIPAddress);
            Assert.True(routers[0].SnatEnabled);
            Assert.False(routers[0].ExtensionData.ContainsKey("external_gateway_info"));
            Assert.Null(routers[1].ExternalNetworkId);
            Assert.Empty(routers[1].ExternalIPAddress);
            Assert.Null(routers[1].SnatEnabled);
        }

        [Fact]
        public async Task A_security_groups_rules_come_from_its_cloud_and_an_unknown_direction_still_reads()
        {
            var body = List("security-groups");
            body["security_groups"]![0]!["security_group_rules"]![0]!["direction"] = "both-ways";
            using var fake = Answering(Url + "/security-groups*", body);
            using var cloud = fake.Connect();

            var group = Assert.Single(await ToListAsync(cloud.Network.ListSecurityGroupsAsync(new SecurityGroupListOptions { Name = "oso-fixture-sg" })));

            Assert.Equal(3, group.Rules.Count);
            Assert.All(group.Rules, rule => Assert.Same(cloud, rule.Cloud));
            Assert.Equal("both-ways", group.Rules[0].Direction);
            Assert.Equal(SecurityGroupRule.AnyProtocol, group.Rules[0].Protocol);
            Assert.Equal("any", group.Rules[0].PortRange);
            Assert.Equal("any", group.Rules[0].Remote);
            Assert.True(group.Stateful);
            Assert.True(group.Rules[0].ExtensionData.ContainsKey("normalized_cidr"));
            Assert.False(group.ExtensionData.ContainsKey("security_group_rules"));
        }

        [Fact]
        public async Task Looking_up_a_groups_id_asks_for_the_id_and_name_only()
        {
            using var fake = Answering(Url + "/security-groups*", List("security-groups"), notFound: Url + "/security-groups/oso-fixture-sg*");
            using var cloud = fake.Connect();

            var id = await cloud.Network.ResolveSecurityGroupIdAsync("oso-fixture-sg", CancellationToken.None);

            Assert.Equal(SecurityGroupId, id);
            Assert.Equal($"{Url}/security-groups?name=oso-fixture-sg&fields=id&fields=name", fake.CallsTo(Url).Last().Request.Url.ToString());
        }

        [Fact]
        public async Task A_floating_ip_is_named_by_its_address_and_knows_the_server_of_its_port()
        {
            var body = List("floatingips");
            body["floatingips"]![0]!["port_details"] = new JsonObject
            {
                ["name"] = "", ["network_id"] = NetworkId, ["mac_address"] = "fa:16:3e:00:00:01", ["admin_state_up"] = true, ["status"] = "ACTIVE",
                ["device_id"] = "6f1d2c3b-0000-4000-8000-000000000000", ["device_owner"] = "compute:nova",
            };
            using var fake = Answering(Url + "/floatingips*", body, notFound: Url + "/floatingips/192.0.2.247");
            using var cloud = fake.Connect();

            var ip = await cloud.Network.ResolveFloatingIPAsync("192.0.2.247", CancellationToken.None);

            Assert.Equal(FloatingIPId, ip.Id);
            Assert.Equal("192.0.2.247", ip.Name);
            Assert.Equal("192.0.2.247", ip.Address);
            Assert.Equal("192.0.2.247", ip.ToString());
            Assert.Equal("6f1d2c3b-0000-4000-8000-000000000000", ip.ServerId);
            Assert.Equal("DOWN", ip.Status);
            Assert.Null(ip.PortId);
            Assert.Equal($"{Url}/floatingips?floating_ip_address=192.0.2.247", fake.CallsTo(Url).Last().Request.Url.ToString());
        }
    }
}
