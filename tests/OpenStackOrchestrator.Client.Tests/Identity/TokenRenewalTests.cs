using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Identity
{
    public class TokenRenewalTests
    {
        private const string ServersUrl = FakeCloud.ComputeUrl + "/servers/detail";

        private static async Task<FakeCloud> ConnectThenListServers(DateTimeOffset issuedAt, DateTimeOffset expiresAt, Action<CloudConnection> check)
        {
            var fake = new FakeCloud().WithTokens(2, issuedAt, expiresAt);
            fake.Http.ForCallsTo(ServersUrl).RespondWith(Fixture.Text("compute/servers-detail.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            Assert.Equal(1, cloud.AuthenticationCount);

            await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, "compute", "/servers/detail"), CancellationToken.None);

            check(cloud);
            return fake;
        }

        [Fact]
        public async Task A_token_about_to_expire_is_renewed_before_it_is_sent()
        {
            var now = DateTimeOffset.UtcNow;
            using var fake = await ConnectThenListServers(now.AddSeconds(-55), now.AddSeconds(5),
                cloud => Assert.Equal(2, cloud.AuthenticationCount));

            var sent = fake.CallsTo(ServersUrl).Select(c => FakeCloud.RequestHeader(c, "X-Auth-Token"));
            Assert.Equal(new[] { "token-2" }, sent);
        }

        [Fact]
        public async Task A_long_lived_token_within_five_minutes_of_expiry_is_renewed()
        {
            var now = DateTimeOffset.UtcNow;
            using var fake = await ConnectThenListServers(now.AddMinutes(-58), now.AddMinutes(2),
                cloud => Assert.Equal(2, cloud.AuthenticationCount));

            fake.Http.ShouldHaveCalled(FakeCloud.TokensUrl).Times(2);
        }

        [Fact]
        public async Task A_fresh_one_minute_token_is_used_as_is()
        {
            var now = DateTimeOffset.UtcNow;
            using var fake = await ConnectThenListServers(now, now.AddMinutes(1),
                cloud => Assert.Equal(1, cloud.AuthenticationCount));

            var sent = fake.CallsTo(ServersUrl).Select(c => FakeCloud.RequestHeader(c, "X-Auth-Token"));
            Assert.Equal(new[] { "token-1" }, sent);
        }
    }
}
