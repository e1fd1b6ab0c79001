using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class PaginationTests
    {
        private const string FlavorsUrl = FakeCloud.ComputeUrl + "/flavors/detail";
        private const string ServersUrl = FakeCloud.ComputeUrl + "/servers/detail";
        private const string ImagesUrl = FakeCloud.ImageUrl + "/v2/images";

        private static FakeCloud CloudWithFlavorPages()
        {
            var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(FlavorsUrl + "*").WithQueryParam("marker", "2").RespondWith(Fixture.Text("compute/flavors-detail-page3.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FlavorsUrl + "*").WithQueryParam("marker", "1").RespondWith(Fixture.Text("compute/flavors-detail-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FlavorsUrl + "*").RespondWith(Fixture.Text("compute/flavors-detail-page1.json"), 200, FakeCloud.JsonType);
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
        public async Task Nova_flavors_links_are_followed_until_an_empty_page()
        {
            using var fake = CloudWithFlavorPages();
            using var cloud = fake.Connect();

            var flavors = await ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions()));

            Assert.Equal(new[] { "m1.tiny", "m1.small" }, flavors.Select(f => f.Name));
            Assert.Equal(new[] { FlavorsUrl, FlavorsUrl + "?limit=1&marker=1", FlavorsUrl + "?limit=1&marker=2" },
                fake.CallsTo(FlavorsUrl).Select(c => c.Request.Url.ToString()));
        }

        [Fact]
        public async Task Nova_servers_links_are_followed_until_the_end()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServersUrl + "*").WithQueryParam("marker").RespondWith(Fixture.Text("compute/servers-detail-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(ServersUrl + "*").RespondWith(Fixture.Text("compute/servers-detail-page1.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var servers = await ToListAsync(cloud.Compute.ListServersAsync(new ServerListOptions()));

            var server = Assert.Single(servers);
            Assert.Equal("oso-fixture-vm", server.Name);
            Assert.Equal("m1.tiny", server.Flavor);
            Assert.Equal(new[] { "10.77.0.108" }, server.IPAddress);
            Assert.Equal("PoweredOn", server.PowerState);
            Assert.Equal(2, fake.CallsTo(ServersUrl).Count);
            Assert.Contains("marker=cbd634ce-c327-48e7-83be-a4c55b9e83e7", fake.CallsTo(ServersUrl)[1].Request.Url.ToString());
        }

        [Fact]
        public async Task Glances_relative_next_link_is_followed_from_the_endpoint()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ImagesUrl + "*").WithQueryParam("marker").RespondWith(Fixture.Text("image/images-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(ImagesUrl + "*").RespondWith(Fixture.Text("image/images-page1.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var images = await ToListAsync(cloud.Image.ListAsync(new ImageListOptions()));

            Assert.Equal("los-fake-image", Assert.Single(images).Name);
            Assert.Equal(new[] { ImagesUrl + "?limit=1000", ImagesUrl + "?limit=1&marker=2c07fb44-d539-4077-ae00-9472c6d40005" },
                fake.CallsTo(ImagesUrl).Select(c => c.Request.Url.ToString()));
        }

        [Fact]
        public async Task A_limit_is_pushed_down_and_the_walk_stops_there()
        {
            using var fake = CloudWithFlavorPages();
            using var cloud = fake.Connect();

            var flavors = await ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions { Limit = 1 }));

            Assert.Equal("m1.tiny", Assert.Single(flavors).Name);
            Assert.Equal(new[] { FlavorsUrl + "?limit=1" }, fake.CallsTo(FlavorsUrl).Select(c => c.Request.Url.ToString()));
        }

        [Fact]
        public async Task A_limit_larger_than_a_page_keeps_following_next_links()
        {
            using var fake = CloudWithFlavorPages();
            using var cloud = fake.Connect();

            var flavors = await ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions { Limit = 5 }));

            Assert.Equal(2, flavors.Count);
            Assert.Equal(3, fake.CallsTo(FlavorsUrl).Count);
            Assert.StartsWith(FlavorsUrl + "?limit=5", fake.CallsTo(FlavorsUrl)[0].Request.Url.ToString());
        }
    }
}
