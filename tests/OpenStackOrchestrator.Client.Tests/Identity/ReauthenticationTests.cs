using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Identity
{
    public class ReauthenticationTests
    {
        private const string ServersUrl = FakeCloud.ComputeUrl + "/servers/detail";
        private static readonly RecordedResponse Nova401 = RecordedResponse.Load("errors/nova-401.json");

        private static Dictionary<string, string> Headers(RecordedResponse r) => r.Headers.ToDictionary(h => h.Key, h => h.Value);

        private static Task<ServiceResponse> ListServersAsync(CloudConnection cloud) =>
            cloud.SendAsync(new ServiceRequest(HttpMethod.Get, "compute", "/servers/detail"), CancellationToken.None);

        [Fact]
        public async Task A_401_from_a_service_re_authenticates_once_and_retries_with_the_new_token()
        {
            using var fake = new FakeCloud().WithTokens(2);
            fake.Http.ForCallsTo(ServersUrl).WithHeader("X-Auth-Token", "token-1").RespondWith(Nova401.Body, 401, Headers(Nova401));
            fake.Http.ForCallsTo(ServersUrl).WithHeader("X-Auth-Token", "token-2")
                .RespondWith(Fixture.Text("compute/servers-detail.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);

            var response = await ListServersAsync(cloud);

            Assert.Contains("oso-fixture-vm", response.Body);
            Assert.Equal(2, cloud.AuthenticationCount);
            fake.Http.ShouldHaveCalled(FakeCloud.TokensUrl).Times(2);
            var serverCalls = fake.CallsTo(ServersUrl);
            Assert.Equal(new[] { "token-1", "token-2" }, serverCalls.Select(c => FakeCloud.RequestHeader(c, "X-Auth-Token")));
        }

        [Fact]
        public async Task A_second_401_gives_AuthenticationFailedException_without_looping()
        {
            using var fake = new FakeCloud().WithTokens(5);
            fake.Http.ForCallsTo(ServersUrl).RespondWith(Nova401.Body, 401, Headers(Nova401));
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);

            var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => ListServersAsync(cloud));

            Assert.Equal(2, cloud.AuthenticationCount);
            fake.Http.ShouldHaveCalled(FakeCloud.TokensUrl).Times(2);
            fake.Http.ShouldHaveCalled(ServersUrl).Times(2);
            Assert.Equal(401, ex.StatusCode);
            Assert.Equal(Nova401.Header("X-Openstack-Request-Id"), ex.RequestId);
            Assert.Contains("The request you have made requires authentication.", ex.Message);
        }
    }
}
