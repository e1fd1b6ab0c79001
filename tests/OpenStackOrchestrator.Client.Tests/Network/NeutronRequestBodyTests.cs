using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;
using static OpenStackOrchestrator.Client.Tests.Network.NeutronRecorded;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>The bodies the client sends Neutron: the keys its API reference names (the expected bodies are what the
    /// openstack CLI sent the local Neutron for the same resources, see Fixtures/README.md), nulls left out unless a
    /// null means something.</summary>
    public class NeutronRequestBodyTests
    {
        private static FakeCloud Answering(string url, JsonNode body)
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(url).RespondWith(body.ToJsonString(), 200, FakeCloud.JsonType);
            return fake;
        }

        private static async Task AssertSentAsync(FakeCloud fake, HttpMethod method, string url, string expectedBody)
        {
            var call = Assert.Single(fake.CallsTo(Url));
            Assert.Equal(method, call.HttpRequestMessage.Method);
            Assert.Equal(url, call.Request.Url.ToString());
            var sent = JsonNode.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync());
            var expected = JsonNode.Parse(expectedBody);
            Assert.True(JsonNode.DeepEquals(expected, sent), $"sent {sent!.ToJsonString()}, expected {expected!.ToJsonString()}");
        }

        [Fact]
        public async Task A_network_is_created_with_only_the_fields_given()
        {
            using var fake = Answering(Url + "/networks", Single("networks", "network"));
            using var cloud = fake.Connect();

            var network = await cloud.Network.CreateNetworkAsync(new NetworkCreateRequest { Name = "oso-fixture-net", Description = "made for a fixture" },
                CancellationToken.None);

            Assert.Equal(NetworkId, network.Id);
            await AssertSentAsync(fake, HttpMethod.Post, Url + "/networks",
                @"{""network"": {""name"": ""oso-fixture-net"", ""description"": ""made for a fixture""}}");
        }

        [Fact]
        public async Task A_network_update_sends_router_external_by_its_Neutron_name()
        {
            using var fake = Answering(Url + "/networks/" + NetworkId, Single("networks", "network"));
            using var cloud = fake.Connect();

            await cloud.Network.UpdateNetworkAsync(NetworkId, new NetworkUpdate { IsExternal = false, Mtu = 1400 }, CancellationToken.None);

            await AssertSentAsync(fake, HttpMethod.Put, Url + "/networks/" + NetworkId, @"{""network"": {""router:external"": false, ""mtu"": 1400}}");
        }

        [Fact]
        public async Task A_subnet_without_a_gateway_sends_gateway_ip_null_and_its_pools_as_objects()
        {
            using var fake = Answering(Url + "/subnets", Single("subnets", "subnet"));
            using var cloud = fake.Connect();
            var request = new SubnetCreateRequest
            {
                Name = "oso-fixture-subnet", NetworkId = NetworkId, Cidr = "10.77.0.0/24", NoGateway = true, Description = "made for a fixture",
            };
            request.DnsServers.Add("10.77.0.2");
            request.AllocationPools.Add(("10.77.0.10", "10.77.0.99"));

            var subnet = await cloud.Network.CreateSubnetAsync(request, CancellationToken.None);

            Assert.Equal(SubnetId, subnet.Id);
            await AssertSentAsync(fake, HttpMethod.Post, Url + "/subnets", @"{""subnet"": {
                ""name"": ""oso-fixture-subnet"", ""network_id"": """ + NetworkId + @""", ""cidr"": ""10.77.0.0/24"", ""ip_version"": 4,
                ""gateway_ip"": null, ""enable_dhcp"": true, ""dns_nameservers"": [""10.77.0.2""],
                ""allocation_pools"": [{""start"": ""10.77.0.10"", ""end"": ""10.77.0.99""}], ""description"": ""made for a fixture""}}");
        }

        [Fact]
        public async Task A_subnet_with_the_default_gateway_leaves_gateway_ip_out()
        {
            using var fake = Answering(Url + "/subnets", Single("subnets", "subnet"));
            using var cloud = fake.Connect();

            await cloud.Network.CreateSubnetAsync(new SubnetCreateRequest { Name = "s", NetworkId = NetworkId, Cidr = "10.77.0.0/24", GatewayIP = null },
                CancellationToken.None);

            await AssertSentAsync(fake, HttpMethod.Post, Url + "/subnets",
                @"{""subnet"": {""name"": ""s"", ""network_id"": """ + NetworkId + @""", ""cidr"": ""10.77.0.0/24"", ""ip_version"": 4, ""enable_dhcp"": true}}");
        }

        [Fact]
        public async Task A_router_with_a_gateway_sends_external_gateway_info()
        {
            using var fake = Answering(Url + "/routers", Single("routers", "router"));
            using var cloud = fake.Connect();

            var router = await cloud.Network.CreateRouterAsync(new RouterCreateRequest { Name = "oso-fixture-router", ExternalNetworkId = PublicNetworkId },
                CancellationToken.None);

            Assert.Equal(new[] { "192.0.2.128" }, router.ExternalIPAddress);
            await AssertSentAsync(fake, HttpMethod.Post, Url + "/routers",
                @"{""router"": {""name"": ""oso-fixture-router"", ""external_gateway_info"": {""network_id"": """ + PublicNetworkId + @"""}}}");
        }

        [Fact]
        public async Task Removing_a_routers_gateway_sends_an_empty_external_gateway_info()
        {
            using var fake = Answering(Url + "/routers/" + RouterId, Single("routers", "router"));
            using var cloud = fake.Connect();

            await cloud.Network.UpdateRouterAsync(RouterId, new RouterUpdate { ClearExternalNetwork = true }, CancellationToken.None);

            await AssertSentAsync(fake, HttpMethod.Put, Url + "/routers/" + RouterId, @"{""router"": {""external_gateway_info"": {}}}");
        }

        [Fact]
        public async Task A_security_group_rule_sends_Neutrons_keys_and_leaves_out_what_was_not_given()
        {
            var answer = new JsonObject { ["security_group_rule"] = List("security-groups")["security_groups"]![0]!["security_group_rules"]![0]!.DeepClone() };
            using var fake = Answering(Url + "/security-group-rules", answer);
            using var cloud = fake.Connect();

            await cloud.Network.CreateSecurityGroupRuleAsync(new SecurityGroupRuleCreateRequest
            {
                SecurityGroupId = SecurityGroupId, Protocol = "tcp", PortRangeMin = 22, PortRangeMax = 22, RemoteIPPrefix = "10.0.0.0/8",
                Description = "ssh from inside",
            }, CancellationToken.None);

            await AssertSentAsync(fake, HttpMethod.Post, Url + "/security-group-rules", @"{""security_group_rule"": {
                ""security_group_id"": """ + SecurityGroupId + @""", ""direction"": ""ingress"", ""ethertype"": ""IPv4"", ""protocol"": ""tcp"",
                ""port_range_min"": 22, ""port_range_max"": 22, ""remote_ip_prefix"": ""10.0.0.0/8"", ""description"": ""ssh from inside""}}");
        }

        [Fact]
        public async Task A_floating_ip_is_allocated_with_only_the_fields_given()
        {
            using var fake = Answering(Url + "/floatingips", Single("floatingips", "floatingip"));
            using var cloud = fake.Connect();

            var ip = await cloud.Network.CreateFloatingIPAsync(PublicNetworkId, null, null, "made for a fixture", CancellationToken.None);

            Assert.Equal("192.0.2.247", ip.Address);
            await AssertSentAsync(fake, HttpMethod.Post, Url + "/floatingips",
                @"{""floatingip"": {""floating_network_id"": """ + PublicNetworkId + @""", ""description"": ""made for a fixture""}}");
        }

        [Fact]
        public async Task A_floating_ip_is_disassociated_with_port_id_null()
        {
            using var fake = Answering(Url + "/floatingips/" + FloatingIPId, Single("floatingips", "floatingip"));
            using var cloud = fake.Connect();

            await cloud.Network.AssociateFloatingIPAsync(FloatingIPId, null, "10.77.0.5", CancellationToken.None);

            await AssertSentAsync(fake, HttpMethod.Put, Url + "/floatingips/" + FloatingIPId, @"{""floatingip"": {""port_id"": null}}");
        }
    }
}
