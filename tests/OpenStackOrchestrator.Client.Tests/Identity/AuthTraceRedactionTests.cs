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
    /// <summary>-Debug output is pasted into tickets: it must never carry a password, a token or the whole catalog.</summary>
    public class AuthTraceRedactionTests
    {
        private static async Task<List<string>> TraceOfConnectAndOneCall(FakeCloud fake, string password = FakeCloud.Password)
        {
            var trace = new List<string>();
            RequestTrace.Sink = trace.Add;
            try
            {
                using var cloud = fake.Connect(password: password);
                await cloud.ConnectAsync(CancellationToken.None);
                await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, "compute", "/servers/detail"), CancellationToken.None);
            }
            finally
            {
                RequestTrace.Sink = null;
            }
            return trace;
        }

        private static FakeCloud CloudWithServers()
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/servers/detail")
                .RespondWith(Fixture.Text("compute/servers-detail.json"), 200, FakeCloud.JsonType);
            return fake;
        }

        [Fact]
        public async Task The_password_appears_nowhere_in_the_trace()
        {
            using var fake = CloudWithServers();

            var trace = await TraceOfConnectAndOneCall(fake);

            Assert.Contains(trace, line => line.StartsWith("REQ: ") && line.Contains("/auth/tokens"));
            Assert.DoesNotContain(trace, line => line.Contains(FakeCloud.Password));
            Assert.Contains(trace, line => line.Contains("\"password\":\"***\""));
        }

        [Fact]
        public async Task The_token_appears_only_as_its_sha256_hash()
        {
            using var fake = CloudWithServers();

            var trace = await TraceOfConnectAndOneCall(fake);

            var hash = SecretRedactor.HashToken("token-1");
            Assert.Matches("^\\{SHA256\\}[0-9a-f]{64}$", hash);
            Assert.DoesNotContain(trace, line => line.Contains("token-1"));
            Assert.Contains(trace, line => line.StartsWith("RESP: [201]") && line.Contains("X-Subject-Token: " + hash));
            Assert.Contains(trace, line => line.StartsWith("REQ: ") && line.Contains("/servers/detail") && line.Contains("X-Auth-Token: " + hash));
        }

        [Fact]
        public async Task The_catalog_of_the_token_response_is_elided()
        {
            using var fake = CloudWithServers();

            var trace = await TraceOfConnectAndOneCall(fake);

            var tokenBody = trace.Single(line => line.StartsWith("RESP BODY: ") && line.Contains("\"issued_at\""));
            Assert.Contains("<catalog elided>", tokenBody);
            Assert.DoesNotContain("\"endpoints\"", tokenBody);
            Assert.DoesNotContain("8004/v1", tokenBody);
            Assert.Contains("\"project\"", tokenBody);
        }

        [Fact]
        public async Task A_rejected_password_appears_nowhere_in_the_trace_either()
        {
            var keystone401 = RecordedResponse.Load("errors/keystone-401.json");
            using var fake = new FakeCloud();
            fake.Http.ForCallsTo(FakeCloud.TokensUrl)
                .RespondWith(keystone401.Body, 401, keystone401.Headers.ToDictionary(h => h.Key, h => h.Value));
            var trace = new List<string>();
            RequestTrace.Sink = trace.Add;
            try
            {
                using var cloud = fake.Connect();
                await Assert.ThrowsAsync<AuthenticationFailedException>(() => cloud.ConnectAsync(CancellationToken.None));
            }
            finally
            {
                RequestTrace.Sink = null;
            }

            Assert.Contains(trace, line => line.StartsWith("RESP: [401]"));
            Assert.DoesNotContain(trace, line => line.Contains(FakeCloud.Password));
        }
    }
}
