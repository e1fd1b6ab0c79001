using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>The microversions server tags need, which the local cloud (2.93) cannot show: tags in a create request
    /// ask for 2.52, and a cloud older than that, or than 2.26 for the tag filters and the tags API, is refused
    /// before a request that would silently drop the tags (or list every server).</summary>
    public class ServerTagTests
    {
        private const string ServersUrl = FakeCloud.ComputeUrl + "/servers";

        [Fact]
        public async Task Tags_in_the_create_request_are_sent_with_microversion_2_52()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServersUrl).WithVerb("POST").RespondWith(@"{""server"": {""id"": ""new-id"", ""links"": []}}", 202, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var request = new ServerCreateRequest { Name = "web", ImageId = "img", FlavorId = "1", NoNetwork = true };
            request.Tags.Add("prod");

            await cloud.Compute.CreateServerAsync(request, CancellationToken.None);

            var call = Assert.Single(fake.CallsTo(ServersUrl));
            Assert.Equal("compute 2.52", FakeCloud.RequestHeader(call, "OpenStack-API-Version"));
            var server = JsonNode.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync())!["server"]!;
            Assert.Equal(@"[""prod""]", server["tags"]!.ToJsonString());
        }

        [Fact]
        public async Task A_cloud_below_2_52_creates_no_server_with_tags()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion("2.50");
            using var cloud = fake.Connect();
            var request = new ServerCreateRequest { Name = "web", ImageId = "img", FlavorId = "1", NoNetwork = true };
            request.Tags.Add("prod");

            var ex = await Assert.ThrowsAsync<MicroversionNotSupportedException>(() => cloud.Compute.CreateServerAsync(request, CancellationToken.None));

            Assert.Contains("2.52", ex.Message);
            Assert.Empty(fake.CallsTo(ServersUrl));
        }

        [Fact]
        public async Task A_cloud_below_2_26_is_refused_a_tag_filter_instead_of_listing_every_server()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion("2.25");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<MicroversionNotSupportedException>(async () =>
            {
                await foreach (var _ in cloud.ListResourcesAsync(Server.Definition, new ListQuery().Filter(TagSupport.AllOf, "prod"))) { }
            });

            Assert.Contains("2.26", ex.Message);
            Assert.Contains("2.25", ex.Message);
            Assert.Empty(fake.CallsTo(ServersUrl));
        }

        [Fact]
        public async Task Tags_are_added_one_by_one_with_at_least_2_26()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServersUrl + "/s-1/tags/*").WithVerb("PUT").RespondWith("", 201);
            using var cloud = fake.Connect();

            await cloud.AddTagsAsync(Server.Definition, "s-1", new[] { "prod", "web tier" }, CancellationToken.None);

            var calls = fake.CallsTo(ServersUrl + "/s-1/tags/");
            Assert.Equal(new[] { ServersUrl + "/s-1/tags/prod", ServersUrl + "/s-1/tags/web%20tier" }, calls.Select(c => c.Request.Url.ToString()));
            Assert.All(calls, c => Assert.Equal("compute 2.47", FakeCloud.RequestHeader(c, "OpenStack-API-Version")));
        }
    }
}
