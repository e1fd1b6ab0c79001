using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Connection
{
    /// <summary>The token goes only where the catalog points: URLs are judged on what the parser makes of them, and
    /// redirects to another origin are not followed (HttpClient's own redirects keep X-Auth-Token).</summary>
    public class TokenSafetyTests
    {
        private const string Compute = "http://127.0.0.1:8774/v2.1";

        [Theory]
        [InlineData(Compute, true)]
        [InlineData(Compute + "/", true)]
        [InlineData(Compute + "/servers/detail?limit=1", true)]
        [InlineData("HTTP://127.0.0.1:8774/v2.1/servers", true)]
        [InlineData("http://127.0.0.1:8774/v2.10/servers", false)]
        [InlineData("http://127.0.0.1:8774/v2.1x", false)]
        [InlineData("http://127.0.0.1:8774/v2", false)]
        [InlineData("http://127.0.0.1:8774/", false)]
        [InlineData("http://127.0.0.1:8774/v2.1/../v2.10/x", false)]
        [InlineData("http://127.0.0.1:8774/v2.1/%2e%2e/x", false)]
        [InlineData("http://127.0.0.1:8775/v2.1/servers", false)]
        [InlineData("https://127.0.0.1:8774/v2.1/servers", false)]
        [InlineData("http://localhost:8774/v2.1/servers", false)]
        [InlineData("http://[::1]:8774/v2.1/servers", false)]
        [InlineData("http://127.0.0.1:8774@127.0.0.1:18999/v2.1/servers", false)]
        [InlineData("http://user:secret@127.0.0.1:8774/v2.1/servers", false)]
        [InlineData("http://127.0.0.1.evil.example:8774/v2.1/servers", false)]
        [InlineData("ftp://127.0.0.1:8774/v2.1/servers", false)]
        [InlineData("/v2.1/servers", false)]
        public void A_url_is_under_an_endpoint_only_on_its_origin_and_below_its_path(string url, bool under) =>
            Assert.Equal(under, UrlScope.IsUnder(url, Compute));

        [Theory]
        [InlineData("http://127.0.0.1:18999/x", true)]
        [InlineData("HTTPS://h/x", true)]
        [InlineData("//127.0.0.1:18999/x", true)]
        [InlineData("\\\\127.0.0.1\\x", true)]
        [InlineData("  http://127.0.0.1:18999/x", true)]
        [InlineData("/servers/detail", false)]
        [InlineData("servers/detail", false)]
        [InlineData("os-hypervisors:detail", false)]
        public void A_path_that_names_a_host_is_recognised(string path, bool namesHost) =>
            Assert.Equal(namesHost, UrlScope.NamesHost(path));

        [Fact]
        public void User_info_never_reaches_a_message() =>
            Assert.Equal("http://***@127.0.0.1:18999/x", UrlScope.WithoutUserInfo("http://admin:s3cret@127.0.0.1:18999/x"));

        [Fact]
        public async Task A_next_link_to_another_host_is_refused_before_anything_is_sent()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            var page = "{\"flavors\": [{\"id\": \"1\", \"name\": \"m1.tiny\", \"links\": []}], " +
                       "\"flavors_links\": [{\"rel\": \"next\", \"href\": \"http://127.0.0.1:18999/v2.1/flavors/detail?marker=1\"}]}";
            fake.Http.ForCallsTo(Compute + "/flavors/detail*").RespondWith(page, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var error = await Assert.ThrowsAsync<UrlOutsideCatalogException>(async () =>
            {
                await foreach (var _ in cloud.Compute.ListFlavorsAsync(new FlavorListOptions())) { }
            });

            Assert.Equal("UrlOutsideCatalog", error.ErrorId);
            Assert.Contains("127.0.0.1:18999", error.Message);
            Assert.Empty(fake.CallsTo("http://127.0.0.1:18999"));
        }

        [Fact]
        public async Task A_redirect_to_another_port_is_not_followed_and_the_token_stays_home()
        {
            using var elsewhere = new RecordingHttpServer(_ => ("200 OK", "", "{}"));
            using var service = new RecordingHttpServer(_ => ("302 Found", $"Location: {elsewhere.BaseUrl}/stolen\r\n", ""));

            var error = await Assert.ThrowsAsync<RedirectNotFollowedException>(() => Get(service.BaseUrl + "/stacks/web"));

            Assert.Equal("RedirectNotFollowed", error.ErrorId);
            Assert.Equal(302, error.StatusCode);
            Assert.Equal(elsewhere.BaseUrl + "/stolen", error.Location);
            Assert.Single(service.Requests);
            Assert.Empty(elsewhere.Requests);
        }

        [Theory]
        [InlineData("http://localhost:{port}/x")]
        [InlineData("https://127.0.0.1:{port}/x")]
        [InlineData("http://127.0.0.1:{port}@127.0.0.1:{other}/x")]
        [InlineData("//127.0.0.1:{other}/x")]
        public async Task A_redirect_that_only_looks_like_the_same_origin_is_not_followed(string location)
        {
            using var elsewhere = new RecordingHttpServer(_ => ("200 OK", "", "{}"));
            RecordingHttpServer? service = null;
            service = new RecordingHttpServer(_ => ("307 Temporary Redirect",
                "Location: " + location.Replace("{port}", service!.Port.ToString()).Replace("{other}", elsewhere.Port.ToString()) + "\r\n", ""));
            using (service)
            {
                await Assert.ThrowsAsync<RedirectNotFollowedException>(() => Get(service.BaseUrl + "/a"));

                Assert.Single(service.Requests);
                Assert.Empty(elsewhere.Requests);
            }
        }

        [Fact]
        public async Task A_redirect_of_a_PUT_is_not_followed_even_on_the_same_origin()
        {
            RecordingHttpServer? service = null;
            service = new RecordingHttpServer(path => path == "/b" ? ("201 Created", "", "") : ("307 Temporary Redirect", $"Location: {service!.BaseUrl}/b\r\n", ""));
            using (service)
            {
                using var transport = new HttpTransport(FakeCloud.FastSettings());
                await Assert.ThrowsAsync<RedirectNotFollowedException>(() => transport.SendAsync(HttpMethod.Put, service.BaseUrl + "/a",
                    Headers(), "{}", idempotent: true, "object-store", CancellationToken.None));

                Assert.Equal(new[] { "/a" }, service.Requests.Select(r => r.Path));
            }
        }

        [Fact]
        public async Task Redirects_on_the_same_origin_end_after_a_bounded_number_of_hops()
        {
            RecordingHttpServer? service = null;
            service = new RecordingHttpServer(path => ("302 Found", $"Location: {service!.BaseUrl}{path}x\r\n", ""));
            using (service)
            {
                await Assert.ThrowsAsync<RedirectNotFollowedException>(() => Get(service.BaseUrl + "/a"));

                Assert.Equal(1 + SameOriginRedirectHandler.MaxRedirects, service.Requests.Count);
                Assert.All(service.Requests, r => Assert.Equal("token-1", r.Token));
            }
        }

        private static Dictionary<string, string> Headers() => new Dictionary<string, string> { ["X-Auth-Token"] = "token-1", ["Accept"] = "application/json" };

        private static async Task Get(string url)
        {
            using var transport = new HttpTransport(FakeCloud.FastSettings());
            await transport.SendAsync(HttpMethod.Get, url, Headers(), null, idempotent: true, "orchestration", CancellationToken.None);
        }
    }
}
