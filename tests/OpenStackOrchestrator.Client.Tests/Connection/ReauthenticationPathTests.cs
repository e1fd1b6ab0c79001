using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.Image;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Connection
{
    /// <summary>A 401 is answered the same way on every path a request can take (a plain request, an upload, a
    /// download): one new token and one more attempt, and for an upload only when its body can go out again.</summary>
    public class ReauthenticationPathTests
    {
        private const string FilePath = "/v2/images/" + GlanceFake.ImageId + "/file";
        private const string Unauthorized = "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\"}}";
        private static readonly byte[] Data = GlanceFake.RandomBytes(300_000);

        public enum RequestPath { Plain, ResendableUpload, Download }

        /// <summary>Sends over <paramref name="path"/>; a download is written to <paramref name="sink"/>.</summary>
        private static Task<ServiceResponse> SendAsync(CloudConnection cloud, RequestPath path, Stream sink) => path switch
        {
            RequestPath.Plain => cloud.SendAsync(new ServiceRequest(HttpMethod.Get, "image", FilePath), CancellationToken.None),
            RequestPath.ResendableUpload => cloud.SendStreamAsync(new ServiceRequest(HttpMethod.Put, "image", FilePath),
                new StreamBody(new MemoryStream(Data), "application/octet-stream"), CancellationToken.None),
            _ => cloud.ReceiveStreamAsync(new ServiceRequest(HttpMethod.Get, "image", FilePath), sink, null, CancellationToken.None),
        };

        private static async Task<CloudConnection> ConnectAsync(FakeCloud fake)
        {
            var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            return cloud;
        }

        private static IEnumerable<string?> TokensSentTo(FakeCloud fake, string url) =>
            fake.CallsTo(url).Select(c => FakeCloud.RequestHeader(c, "X-Auth-Token"));

        [Theory]
        [InlineData(RequestPath.Plain)]
        [InlineData(RequestPath.ResendableUpload)]
        [InlineData(RequestPath.Download)]
        public async Task A_401_gets_one_new_token_and_one_more_attempt_with_it(RequestPath path)
        {
            using var fake = new FakeCloud().WithTokens(3);
            var server = new UploadReader(100_000, null);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).With(server.Read)
                .RespondWith(Unauthorized, 401, FakeCloud.JsonType)
                .RespondWith(() => new StreamContent(new MemoryStream(Data)), 200);
            using var cloud = await ConnectAsync(fake);
            var sink = new MemoryStream();

            var response = await SendAsync(cloud, path, sink);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal(2, cloud.AuthenticationCount);
            Assert.Equal(new[] { "token-1", "token-2" }, TokensSentTo(fake, GlanceFake.FileUrl));
            if (path == RequestPath.ResendableUpload)
                Assert.Equal(Data, server.Received[1]);   // the whole body again, from its first byte
            if (path == RequestPath.Download)
                Assert.Equal(Data, sink.ToArray());       // written once: the 401 wrote nothing
        }

        [Theory]
        [InlineData(RequestPath.Plain)]
        [InlineData(RequestPath.ResendableUpload)]
        [InlineData(RequestPath.Download)]
        public async Task A_second_401_is_thrown_without_a_third_attempt(RequestPath path)
        {
            using var fake = new FakeCloud().WithTokens(5);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).With(new UploadReader().Read).RespondWith(Unauthorized, 401, FakeCloud.JsonType);
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => SendAsync(cloud, path, new MemoryStream()));

            Assert.Equal(401, ex.StatusCode);
            Assert.Equal(2, cloud.AuthenticationCount);
            Assert.Equal(new[] { "token-1", "token-2" }, TokensSentTo(fake, GlanceFake.FileUrl));
        }

        [Fact]
        public async Task An_upload_partly_sent_from_a_stream_that_cannot_rewind_is_not_sent_again_after_a_401()
        {
            using var fake = new FakeCloud().WithTokens(2);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).With(new UploadReader(100_000, null).Read)
                .RespondWith(Unauthorized, 401, FakeCloud.JsonType)
                .RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);
            var body = new StreamBody(new ForwardOnlyStream(new MemoryStream(Data)), "application/octet-stream", Data.Length);

            await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
                cloud.SendStreamAsync(new ServiceRequest(HttpMethod.Put, "image", FilePath), body, CancellationToken.None));

            Assert.Equal(1, cloud.AuthenticationCount);
            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).Times(1);
            Assert.Equal(100_000, body.BytesSent);
        }

        [Fact]
        public async Task An_upload_refused_with_a_401_before_any_byte_left_is_sent_again_even_from_a_stream_that_cannot_rewind()
        {
            using var fake = new FakeCloud().WithTokens(2);
            var server = new UploadReader(0, null);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).With(server.Read)
                .RespondWith(Unauthorized, 401, FakeCloud.JsonType)
                .RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);
            var trace = new List<string>();
            RequestTrace.Sink = trace.Add;
            var body = new StreamBody(new ForwardOnlyStream(new MemoryStream(Data)), "application/octet-stream", Data.Length);

            await cloud.SendStreamAsync(new ServiceRequest(HttpMethod.Put, "image", FilePath), body, CancellationToken.None);

            Assert.Equal(new[] { "token-1", "token-2" }, TokensSentTo(fake, GlanceFake.FileUrl));
            Assert.Equal(Data, server.Received[1]);
            Assert.Contains("401 from the service: re-authenticating once and sending the stream again.", trace);
        }
    }
}
