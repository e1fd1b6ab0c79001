using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Create + streamed upload + verification: what was sent must be what Glance recorded, and a failed
    /// upload leaves no image behind.</summary>
    public class ImageUploadTests
    {
        private static readonly byte[] Data = GlanceFake.RandomBytes(1_000_000);

        private static ImageCreateRequest Request() => new ImageCreateRequest { Name = "oso-unit", DiskFormat = "raw" };

        private static async Task<CloudConnection> ConnectAsync(FakeCloud fake)
        {
            var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            return cloud;
        }

        private static FakeCloud GlanceWithImage(string activeJson)
        {
            var fake = new FakeCloud().WithTokens(2);
            fake.Http.ForCallsTo(GlanceFake.ImagesUrl).WithVerb("POST").RespondWith(GlanceFake.ImageJson("queued"), 201, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(activeJson, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("DELETE").RespondWith("", 204);
            return fake;
        }

        [Fact]
        public async Task An_upload_Glance_recorded_faithfully_returns_the_active_image_and_streams_with_progress()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data));
            var server = new UploadReader();
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(server.Read).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);
            var progress = new List<long>();

            var image = await cloud.Image.CreateWithDataAsync(Request(), new MemoryStream(Data), null, progress.Add, CancellationToken.None);

            Assert.Equal("active", image.Status);
            Assert.Equal(Data, server.Received.Single());
            var put = fake.CallsTo(GlanceFake.FileUrl).Single();
            Assert.Equal("application/octet-stream", put.HttpRequestMessage.Content!.Headers.ContentType!.MediaType);
            Assert.Equal(Data.Length, put.HttpRequestMessage.Content.Headers.ContentLength);
            Assert.True(progress.Count >= 5, $"only {progress.Count} progress callbacks");
            Assert.Equal(Data.Length, progress.Last());
            Assert.True(progress.SequenceEqual(progress.OrderBy(p => p)), "progress went backwards");
            Assert.DoesNotContain(fake.CallsTo(GlanceFake.ImageUrl), c => c.Request.Verb == HttpMethod.Delete);
        }

        [Fact]
        public async Task A_checksum_mismatch_is_a_typed_error_and_the_image_is_deleted()
        {
            var wrongMd5 = new string('0', 32);
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data, md5: wrongMd5));
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(new UploadReader().Read).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.Image.CreateWithDataAsync(Request(), new MemoryStream(Data), null, null, CancellationToken.None));

            Assert.Equal("md5", ex.Algorithm);
            Assert.Equal(wrongMd5, ex.Expected);
            Assert.Equal(GlanceFake.Hex(System.Security.Cryptography.MD5.HashData(Data)), ex.Actual);
            Assert.Equal("ChecksumMismatch", ex.ErrorId);
            Assert.Contains("The image was deleted.", ex.Message);
            fake.Http.ShouldHaveCalled(GlanceFake.ImageUrl).WithVerb(HttpMethod.Delete).Times(1);
        }

        [Fact]
        public async Task A_sha512_mismatch_with_a_matching_md5_is_still_caught()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data, sha512: new string('f', 128)));
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(new UploadReader().Read).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.Image.CreateWithDataAsync(Request(), new MemoryStream(Data), null, null, CancellationToken.None));

            Assert.Equal("sha512", ex.Algorithm);
            fake.Http.ShouldHaveCalled(GlanceFake.ImageUrl).WithVerb(HttpMethod.Delete).Times(1);
        }

        [Fact]
        public async Task An_upload_is_not_retried_after_bytes_were_sent_from_a_stream_that_cannot_rewind()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data));
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(new UploadReader(64 * 1024, null).Read)
                .SimulateException(GlanceFake.ConnectionReset()).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ServiceUnreachableException>(() =>
                cloud.Image.CreateWithDataAsync(Request(), new ForwardOnlyStream(new MemoryStream(Data)), Data.Length, null, CancellationToken.None));

            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).WithVerb(HttpMethod.Put).Times(1);
            Assert.Contains("broke off after", ex.Message);
            Assert.Contains("Connection reset by peer", ex.Message);
            fake.Http.ShouldHaveCalled(GlanceFake.ImageUrl).WithVerb(HttpMethod.Delete).Times(1);
        }

        [Fact]
        public async Task A_seekable_upload_is_sent_again_from_the_start_after_a_reset()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data));
            var server = new UploadReader(64 * 1024, null);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(server.Read)
                .SimulateException(GlanceFake.ConnectionReset()).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            var image = await cloud.Image.CreateWithDataAsync(Request(), new MemoryStream(Data), null, null, CancellationToken.None);

            Assert.Equal("active", image.Status);
            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).WithVerb(HttpMethod.Put).Times(2);
            Assert.Equal(64 * 1024, server.Received[0].Length);
            Assert.Equal(Data, server.Received[1]);   // from the first byte again, and hashed once (it verified)
        }

        [Fact]
        public async Task An_upload_refused_before_any_byte_left_is_retried_even_from_a_stream_that_cannot_rewind()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data));
            var server = new UploadReader(0, null);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(server.Read)
                .SimulateException(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)))
                .RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            await cloud.Image.CreateWithDataAsync(Request(), new ForwardOnlyStream(new MemoryStream(Data)), Data.Length, null, CancellationToken.None);

            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).WithVerb(HttpMethod.Put).Times(2);
            Assert.Equal(Data, server.Received[1]);
        }

        [Fact]
        public async Task A_401_during_an_upload_re_authenticates_and_sends_the_rewound_stream_with_the_new_token()
        {
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", Data));
            var server = new UploadReader(100_000, null);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(server.Read)
                .RespondWith("{\"error\": {\"message\": \"The request you have made requires authentication.\"}}", 401, FakeCloud.JsonType)
                .RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            await cloud.Image.CreateWithDataAsync(Request(), new MemoryStream(Data), null, null, CancellationToken.None);

            Assert.Equal(2, cloud.AuthenticationCount);
            var puts = fake.CallsTo(GlanceFake.FileUrl);
            Assert.Equal(new[] { "token-1", "token-2" }, puts.Select(c => FakeCloud.RequestHeader(c, "X-Auth-Token")));
            Assert.Equal(Data, server.Received[1]);
        }

        [Fact]
        public async Task The_trace_shows_the_upload_request_and_response_but_not_the_bytes()
        {
            var text = System.Text.Encoding.ASCII.GetBytes(new string('Z', 300_000));
            using var fake = GlanceWithImage(GlanceFake.ImageJson("active", text));
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("PUT").With(new UploadReader().Read).RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);
            var lines = new List<string>();
            Client.Core.RequestTrace.Sink = lines.Add;

            await cloud.Image.UploadDataAsync(GlanceFake.ImageId, new MemoryStream(text), null, null, CancellationToken.None);

            Client.Core.RequestTrace.Sink = null;
            var request = Assert.Single(lines, l => l.StartsWith("REQ: ") && l.Contains(GlanceFake.FileUrl));
            Assert.Contains("-X PUT", request);
            Assert.Contains("--data-binary '@<stream: 300000 bytes>'", request);
            Assert.Contains("X-Auth-Token: {SHA256}", request);
            Assert.Contains(lines, l => l.StartsWith("RESP: [204]"));
            Assert.DoesNotContain(lines, l => l.Contains("ZZZZ"));
        }
    }
}
