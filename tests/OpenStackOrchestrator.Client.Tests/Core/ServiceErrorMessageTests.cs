using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>Each service words its errors differently (see Fixtures/README.md); the user must read the service's own
    /// message, the status and the request id to quote to the operator.</summary>
    public class ServiceErrorMessageTests
    {
        public static TheoryData<string, string, string> RecordedErrors => new TheoryData<string, string, string>
        {
            { "errors/nova-404.json", "compute", "Instance bogus-server-id could not be found." },
            { "errors/neutron-404.json", "network", "Network bogus-network-id could not be found." },
            { "errors/glance-404.html", "image", "No image found with ID 00000000-0000-4000-8000-000000000000" },
            { "errors/cinder-404.json", "block-storage", "Volume 00000000-0000-4000-8000-000000000000 could not be found." },
            { "errors/heat-404.json", "orchestration", "The Stack (nope) could not be found." },
            { "errors/swift-404.html", "object-store", "The resource could not be found." },
            { "errors/keystone-401.json", "identity", "The request you have made requires authentication." },
            { "errors/nova-401.json", "compute", "The request you have made requires authentication." },
        };

        [Theory]
        [MemberData(nameof(RecordedErrors))]
        public void ErrorBodyParser_finds_the_services_own_message(string fixture, string service, string expected)
        {
            _ = service;
            var message = ErrorBodyParser.Extract(Fixture.Text(fixture));

            Assert.NotNull(message);
            Assert.Contains(expected, message);
            Assert.DoesNotContain("<", message);
        }

        [Fact]
        public void ErrorBodyParser_prefers_heats_specific_message_over_its_generic_explanation()
        {
            var message = ErrorBodyParser.Extract(Fixture.Text("errors/heat-404.json"));

            Assert.Equal("The Stack (nope) could not be found.", message);
        }

        [Theory]
        [MemberData(nameof(RecordedErrors))]
        public async Task The_exception_carries_the_message_status_and_request_id(string fixture, string service, string expected)
        {
            var recorded = RecordedResponse.Load(fixture);
            using var http = new HttpTest();
            http.RespondWith(recorded.Body, recorded.Status, recorded.Headers.ToDictionary(h => h.Key, h => h.Value));
            using var transport = new HttpTransport(FakeCloud.FastSettings());
            const string url = "http://127.0.0.1:8774/v2.1/some/resource?with=query";

            var ex = await Assert.ThrowsAnyAsync<OpenStackException>(() => transport.SendAsync(HttpMethod.Get, url,
                new System.Collections.Generic.Dictionary<string, string>(), null, true, service, CancellationToken.None));

            var requestId = recorded.Header("x-openstack-request-id");
            Assert.NotNull(requestId);
            Assert.Equal(recorded.Status, ex.StatusCode);
            Assert.Equal(requestId, ex.RequestId);
            Assert.Contains(expected, ex.ServiceMessage);
            Assert.Contains(expected, ex.Message);
            Assert.Contains($"HTTP {recorded.Status}", ex.Message);
            Assert.Contains(requestId!, ex.Message);
            Assert.Contains(service, ex.Message);
            Assert.IsType(recorded.Status == 404 ? typeof(ResourceNotFoundException) : typeof(AuthenticationFailedException), ex);
        }

        [Fact]
        public async Task Swifts_transaction_id_is_the_request_id_when_it_is_the_only_one()
        {
            var recorded = RecordedResponse.Load("errors/swift-404.html");
            using var http = new HttpTest();
            http.RespondWith(recorded.Body, 404, new System.Collections.Generic.Dictionary<string, string>
            {
                ["Content-Type"] = recorded.Header("Content-Type")!,
                ["X-Trans-Id"] = recorded.Header("X-Trans-Id")!,
            });
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => transport.GetAsync());

            Assert.Equal("tx4a7cdac3030945558d190-006b055595", ex.RequestId);
        }
    }
}
