using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>A POST that may have reached the server must not be sent twice: it could create the resource twice.</summary>
    public class UnsafeMethodRetryTests
    {
        private const string Created = "{\"server\": {\"id\": \"cbd634ce-c327-48e7-83be-a4c55b9e83e7\"}}";

        private static HttpRequestException ConnectionReset() =>
            new HttpRequestException("An error occurred while sending the request.",
                new IOException("Unable to read data from the transport connection: Connection reset by peer.",
                    new SocketException((int)SocketError.ConnectionReset)));

        private static HttpRequestException ConnectionRefused() =>
            new HttpRequestException("Connection refused (127.0.0.1:8774)", new SocketException((int)SocketError.ConnectionRefused));

        [Fact]
        public async Task A_POST_is_not_retried_after_a_connection_reset()
        {
            using var http = new HttpTest();
            http.SimulateException(ConnectionReset()).RespondWith(Created, 202, FakeCloud.JsonType);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var ex = await Assert.ThrowsAsync<ServiceUnreachableException>(() => transport.PostAsync());

            http.ShouldHaveCalled(TransportCall.CreateServerUrl).Times(1);
            Assert.Contains("Connection reset by peer", ex.Message);
            Assert.Equal("POST", ex.Method);
        }

        [Fact]
        public async Task A_POST_is_not_retried_after_a_502()
        {
            using var http = new HttpTest();
            http.RespondWith("<html><body>502 Bad Gateway</body></html>", 502).RespondWith(Created, 202, FakeCloud.JsonType);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => transport.PostAsync());

            http.ShouldHaveCalled(TransportCall.CreateServerUrl).Times(1);
            Assert.Equal(502, ex.StatusCode);
        }

        [Fact]
        public async Task A_POST_is_retried_after_a_503_because_the_service_did_not_act_on_it()
        {
            using var http = new HttpTest();
            http.RespondWith("{\"error\": {\"message\": \"busy\"}}", 503, FakeCloud.JsonType).RespondWith(Created, 202, FakeCloud.JsonType);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.PostAsync();

            Assert.Equal(202, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.CreateServerUrl).WithVerb(HttpMethod.Post).Times(2);
        }

        [Fact]
        public async Task A_POST_is_retried_after_a_refused_connection_because_nothing_was_sent()
        {
            using var http = new HttpTest();
            http.SimulateException(ConnectionRefused()).RespondWith(Created, 202, FakeCloud.JsonType);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.PostAsync();

            Assert.Equal(202, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.CreateServerUrl).Times(2);
        }

        [Fact]
        public async Task A_GET_is_retried_after_a_connection_reset()
        {
            using var http = new HttpTest();
            http.SimulateException(ConnectionReset()).RespondWith(Fixture.Text("compute/servers-detail.json"), 200, FakeCloud.JsonType);
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.GetAsync();

            Assert.Equal(200, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
        }

        [Fact]
        public async Task A_GET_that_keeps_being_reset_fails_as_unreachable_after_the_retries()
        {
            using var http = new HttpTest();
            http.SimulateException(ConnectionReset());
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var ex = await Assert.ThrowsAsync<ServiceUnreachableException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(transport.Settings.MaxRetries + 1);
            Assert.Contains(TransportCall.ServersUrl, ex.Message);
        }
    }
}
