using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Object and container names are literals: no part of a name may resolve into another container,
    /// neither in the path the client writes nor in the request line that reaches the server.</summary>
    public class SwiftPathsTests
    {
        [Theory]
        [InlineData("../b/evil.txt", "/a/%2E%2E/b/evil.txt")]
        [InlineData("./x", "/a/%2E/x")]
        [InlineData("a/../../b/x", "/a/a/%2E%2E/%2E%2E/b/x")]
        [InlineData("..", "/a/%2E%2E")]
        [InlineData(".", "/a/%2E")]
        [InlineData("x/./y", "/a/x/%2E/y")]
        [InlineData("%2e%2e/x", "/a/%252e%252e/x")]
        [InlineData("...", "/a/...")]
        [InlineData(".hidden/..x", "/a/.hidden/..x")]
        [InlineData("dir/a b?c#d", "/a/dir/a%20b%3Fc%23d")]
        [InlineData("back\\slash", "/a/back%5Cslash")]
        [InlineData("é/ü", "/a/%C3%A9/%C3%BC")]
        public void A_dot_part_of_an_object_name_is_escaped_and_nothing_else_changes(string name, string path) =>
            Assert.Equal(path, SwiftPaths.Object("a", name));

        [Theory]
        [InlineData("a b", "/a%20b")]
        [InlineData("%2e%2e", "/%252e%252e")]
        public void A_container_name_is_escaped(string container, string path) =>
            Assert.Equal(path, SwiftPaths.Container(container));

        [Theory]
        [InlineData("")]
        [InlineData("a/b")]
        [InlineData("/")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("a\0b")]
        public void A_container_name_Swift_would_split_drop_or_resolve_is_refused(string container)
        {
            var error = Assert.Throws<InvalidNameException>(() => SwiftPaths.Object(container, "x"));
            Assert.Equal("InvalidName", error.ErrorId);
            Assert.Equal("container", error.Kind);
        }

        [Fact]
        public void An_empty_object_name_is_refused() =>
            Assert.Equal("object", Assert.Throws<InvalidSwiftNameException>(() => SwiftPaths.Object("a", "")).Kind);

        [Theory]
        [InlineData("../b/evil.txt")]
        [InlineData("a/../../b/x")]
        [InlineData("./x")]
        [InlineData("x/./y")]
        [InlineData("..")]
        public async Task The_request_line_carries_the_escaped_dots_as_written(string name)
        {
            Assert.True(LiteralPathHandler.Supported, "this runtime can send a path uncanonicalised");
            using var swift = new RecordingHttpServer(_ => ("200 OK", "", "{}"));
            using var transport = new HttpTransport(FakeCloud.FastSettings());
            var path = "/v1/AUTH_p" + SwiftPaths.Object("a", name);

            await transport.SendAsync(HttpMethod.Get, swift.BaseUrl + path, new Dictionary<string, string>(), null, true, "object-store", CancellationToken.None);

            Assert.Equal(new[] { path }, swift.Requests.Select(r => r.Path));
        }

        [Fact]
        public async Task A_path_without_escaped_dots_is_sent_as_before()
        {
            using var server = new RecordingHttpServer(_ => ("200 OK", "", "{}"));
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            await transport.SendAsync(HttpMethod.Get, server.BaseUrl + "/v2.1/servers/detail?name=a%20b", new Dictionary<string, string>(), null, true, "compute", CancellationToken.None);

            Assert.Equal(new[] { "/v2.1/servers/detail?name=a%20b" }, server.Requests.Select(r => r.Path));
        }

        [Fact]
        public void A_temporary_url_signs_the_object_asked_for_not_the_one_its_dots_would_resolve_to()
        {
            var objectUrl = "http://127.0.0.1:8080/v1/AUTH_p" + SwiftPaths.Object("a", "../b/x");
            var expires = DateTimeOffset.FromUnixTimeSeconds(2000000000);

            var url = TempUrlSigner.Url(objectUrl, "GET", expires, "k");

            Assert.StartsWith(objectUrl + "?temp_url_sig=" + TempUrlSigner.Sign("GET", 2000000000, "/v1/AUTH_p/a/../b/x", "k"), url);
            Assert.DoesNotContain(TempUrlSigner.Sign("GET", 2000000000, "/v1/AUTH_p/b/x", "k"), url);
        }
    }
}
