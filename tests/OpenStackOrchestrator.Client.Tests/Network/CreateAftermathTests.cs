using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;
using static OpenStackOrchestrator.Client.Tests.Network.NeutronRecorded;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>A create whose answer is lost: the module looks for the resource by name (never sending the POST again)
    /// and says what it found. The cases the local cloud cannot be made to show.</summary>
    public class CreateAftermathTests
    {
        private const string Name = "web-net";

        private static HttpRequestException ConnectionReset() =>
            new HttpRequestException("An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

        private static string Networks(params string[] ids)
        {
            var list = new JsonArray();
            foreach (var id in ids)
                list.Add(new JsonObject { ["id"] = id, ["name"] = Name });
            return new JsonObject { ["networks"] = list }.ToJsonString();
        }

        private static Task<Networking.Network> Create(CloudConnection cloud) =>
            cloud.Network.CreateNetworkAsync(new NetworkCreateRequest { Name = Name }, CancellationToken.None);

        [Fact]
        public async Task Two_same_named_networks_found_after_a_reset_are_both_named()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(Url + "/networks").WithVerb(HttpMethod.Post).SimulateException(ConnectionReset());
            fake.Http.ForCallsTo(Url + "/networks?*").WithVerb(HttpMethod.Get).RespondWith(Networks("n-1", "n-2"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => Create(cloud));

            Assert.Equal(new[] { "n-1", "n-2" }, ex.FoundIds);
            Assert.True(ex.Created);
            Assert.Contains("The connection was reset after the request was sent", ex.Message);
            Assert.Contains($"2 networks named '{Name}' now exist (ids n-1, n-2): check them before retrying.", ex.Message);
            Assert.IsType<ServiceUnreachableException>(ex.Cause);
            Assert.Single(fake.CallsTo(Url + "/networks"), c => c.Request.Verb == HttpMethod.Post);
            fake.Http.ShouldHaveCalled(Url + "/networks?name=" + Name).WithVerb(HttpMethod.Get);
        }

        [Fact]
        public async Task A_lookup_that_fails_too_says_so_and_claims_nothing()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(Url + "/networks").WithVerb(HttpMethod.Post).SimulateException(ConnectionReset());
            fake.Http.ForCallsTo(Url + "/networks?*").WithVerb(HttpMethod.Get).RespondWith("{\"NeutronError\": {\"message\": \"down\"}}", 500, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => Create(cloud));

            Assert.Null(ex.FoundIds);
            Assert.False(ex.Created);
            Assert.Contains($"a network named '{Name}' may have been created, and looking for it failed too", ex.Message);
            Assert.DoesNotContain("safe to retry", ex.Message);
        }

        [Fact]
        public async Task A_refused_connection_cannot_have_created_anything_and_is_not_looked_up()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(Url + "/networks").WithVerb(HttpMethod.Post)
                .SimulateException(new HttpRequestException("Connection refused (127.0.0.1:9696)", new SocketException((int)SocketError.ConnectionRefused)));
            using var cloud = fake.Connect();

            await Assert.ThrowsAsync<ServiceUnreachableException>(() => Create(cloud));

            fake.Http.ShouldNotHaveCalled(Url + "/networks?*");
        }

        [Fact]
        public async Task A_create_of_something_without_a_name_says_it_cannot_be_looked_up()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(Url + "/floatingips").WithVerb(HttpMethod.Post).SimulateException(ConnectionReset());
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() =>
                cloud.Network.CreateFloatingIPAsync(NetworkId, null, null, null, CancellationToken.None));

            Assert.Null(ex.FoundIds);
            Assert.Equal("floating IP", ex.Kind);
            Assert.Contains("it has no name to look it up by", ex.Message);
            fake.Http.ShouldNotHaveCalled(Url + "/floatingips?*");
        }

        [Fact]
        public async Task A_create_cut_off_in_its_body_keeps_the_request_id()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(Url + "/networks").WithVerb(HttpMethod.Post).RespondWith(Core.TruncatedResponseTests.CutOff, 201,
                new System.Collections.Generic.Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-openstack-request-id"] = "req-neutron-1" });
            fake.Http.ForCallsTo(Url + "/networks?*").WithVerb(HttpMethod.Get).RespondWith(Networks("n-1"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => Create(cloud));

            Assert.IsType<TruncatedResponseException>(ex.Cause);
            Assert.Equal("req-neutron-1", ex.RequestId);
            Assert.Contains("(request id req-neutron-1)", ex.Message);
            Assert.Contains($"a network named '{Name}' now exists (id n-1): check it before retrying.", ex.Message);
            Assert.Single(fake.CallsTo(Url + "/networks"), c => c.Request.Verb == HttpMethod.Post);
        }
    }
}
