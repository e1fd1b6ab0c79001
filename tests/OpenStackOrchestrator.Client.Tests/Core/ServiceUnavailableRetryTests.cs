using System.Collections.Generic;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class ServiceUnavailableRetryTests
    {
        private const string Unavailable = "{\"error\": {\"code\": 503, \"title\": \"Service Unavailable\", \"message\": \"Injected fault: HTTP 503\"}}";

        private static Dictionary<string, string> Headers(string requestId) => new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["x-openstack-request-id"] = requestId,
        };

        [Fact]
        public async Task Two_503_then_200_succeeds_on_the_third_request()
        {
            using var http = new HttpTest();
            http.RespondWith(Unavailable, 503, Headers("req-1"))
                .RespondWith(Unavailable, 503, Headers("req-2"))
                .RespondWith(Fixture.Text("compute/servers-detail.json"), 200, Headers("req-3"));
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.GetAsync();

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("req-3", response.RequestId);
            Assert.Contains("oso-fixture-vm", response.Body);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(3);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        public async Task A_permanent_503_fails_after_MaxRetries_plus_one_requests_with_the_request_id(int maxRetries)
        {
            using var http = new HttpTest();
            http.RespondWith(Unavailable, 503, Headers("req-0fe81c6e-last"));
            var settings = FakeCloud.FastSettings();
            settings.MaxRetries = maxRetries;
            using var transport = new HttpTransport(settings);

            var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(maxRetries + 1);
            Assert.Equal(503, ex.StatusCode);
            Assert.Equal("req-0fe81c6e-last", ex.RequestId);
            Assert.Contains("req-0fe81c6e-last", ex.Message);
            Assert.Contains("HTTP 503", ex.Message);
            Assert.Contains("Injected fault: HTTP 503", ex.Message);
            Assert.Equal("compute", ex.Service);
        }
    }
}
