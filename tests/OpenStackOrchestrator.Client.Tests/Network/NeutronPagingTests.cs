using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>A Neutron whose operator set pagination_max_limit pages on its own, whatever the client asks for; the
    /// local cloud pages only on request, so its pages (recorded with ?limit=1) are replayed here as if it did not.</summary>
    public class NeutronPagingTests
    {
        private const string NetworkUrl = "http://127.0.0.1:9696";
        private const string PortsUrl = NetworkUrl + "/v2.0/ports";
        private const string NetworkId = "21893d51-d292-49e4-b54d-8dbe97cc6eb0";
        private const string FirstPortId = "c771d232-5c09-4fbd-9c0e-81c0964c4f6d";
        private const string SecondPortId = "c8ef3932-b256-4f8d-8893-d9f75f9afdc6";

        private static FakeCloud CloudThatPagesByOne()
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortsUrl + "*").WithQueryParam("marker", SecondPortId).RespondWith(Fixture.Text("network/ports-page3.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(PortsUrl + "*").WithQueryParam("marker", FirstPortId).RespondWith(Fixture.Text("network/ports-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(PortsUrl + "*").RespondWith(Fixture.Text("network/ports-page1.json"), 200, FakeCloud.JsonType);
            return fake;
        }

        private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
                list.Add(item);
            return list;
        }

        [Fact]
        public async Task Pages_the_server_imposes_are_followed_to_the_empty_one()
        {
            using var fake = CloudThatPagesByOne();
            using var cloud = fake.Connect();

            var ports = await ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { NetworkId = NetworkId }));

            Assert.Equal(new[] { "oso-fixture-port-a", "oso-fixture-port-b" }, ports.Select(p => p.Name));
            Assert.Equal(new[]
            {
                $"{PortsUrl}?network_id={NetworkId}",
                $"{PortsUrl}?limit=1&network_id={NetworkId}&marker={FirstPortId}",
                $"{PortsUrl}?limit=1&network_id={NetworkId}&marker={SecondPortId}",
            }, fake.CallsTo(PortsUrl).Select(c => c.Request.Url.ToString()));
        }

        [Fact]
        public async Task A_short_page_without_a_next_link_in_a_paged_walk_is_not_taken_for_the_end()
        {
            // What Neutron does when rows it drops after its LIMIT (RBAC duplicates, policy) shorten a page: no next link.
            var page2 = JsonNode.Parse(Fixture.Text("network/ports-page2.json"))!;
            page2.AsObject().Remove("ports_links");
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortsUrl + "*").WithQueryParam("marker", SecondPortId).RespondWith(Fixture.Text("network/ports-page3.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(PortsUrl + "*").WithQueryParam("marker", FirstPortId).RespondWith(page2.ToJsonString(), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(PortsUrl + "*").RespondWith(Fixture.Text("network/ports-page1.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            cloud.Network.PageSize = 500;

            var ports = await ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { NetworkId = NetworkId }));

            Assert.Equal(2, ports.Count);
            Assert.Equal(new[]
            {
                $"{PortsUrl}?network_id={NetworkId}&limit=500",
                $"{PortsUrl}?limit=1&network_id={NetworkId}&marker={FirstPortId}",
                $"{PortsUrl}?network_id={NetworkId}&limit=500&marker={SecondPortId}",
            }, fake.CallsTo(PortsUrl).Select(c => c.Request.Url.ToString()));
        }

        [Fact]
        public async Task First_stops_the_walk_without_reading_further_pages()
        {
            using var fake = CloudThatPagesByOne();
            using var cloud = fake.Connect();

            var ports = await ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { NetworkId = NetworkId, Limit = 1 }));

            Assert.Equal("oso-fixture-port-a", Assert.Single(ports).Name);
            Assert.Equal($"{PortsUrl}?network_id={NetworkId}&limit=1", Assert.Single(fake.CallsTo(PortsUrl)).Request.Url.ToString());
        }
    }
}
