using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Streamed downloads: chunk by chunk from the response to the destination with progress, verified, with
    /// an inactivity timeout instead of a total one.</summary>
    public class ImageDownloadTests
    {
        private const long TwentyMB = 20L * 1024 * 1024;

        private static async Task<CloudConnection> ConnectAsync(FakeCloud fake, HttpSettings? settings = null)
        {
            var cloud = fake.Connect(settings);
            await cloud.ConnectAsync(CancellationToken.None);
            return cloud;
        }

        private static FakeCloud GlanceServing(Func<Stream> body, string imageJson)
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(imageJson, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("GET").RespondWith(() => new StreamContent(body()), 200,
                new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" });
            return fake;
        }

        [Fact]
        public async Task A_20_MB_image_flows_through_in_chunks_with_progress_and_is_verified()
        {
            var expected = GeneratedStream.Expected(TwentyMB);
            var source = new GeneratedStream(TwentyMB);
            using var fake = GlanceServing(() => source, GlanceFake.ImageJson("active", expected));
            using var cloud = await ConnectAsync(fake);
            var sink = new CountingSink();
            var progress = new List<long>();

            var image = await cloud.Image.DownloadAsync(GlanceFake.ImageId, sink, progress.Add, CancellationToken.None);

            Assert.Equal(GlanceFake.ImageId, image.Id);
            Assert.Equal(TwentyMB, sink.Bytes);
            // Copied a chunk at a time through the stream API, never as one 20 MB buffer.
            Assert.True(source.Reads >= TwentyMB / GeneratedStream.ChunkSize, $"{source.Reads} reads of the response");
            Assert.True(sink.LargestWrite <= StreamBody.BufferSize, $"a write of {sink.LargestWrite} bytes");
            Assert.True(sink.Writes >= TwentyMB / StreamBody.BufferSize, $"{sink.Writes} writes");
            Assert.Equal(sink.Writes, progress.Count);
            Assert.Equal(TwentyMB, progress.Last());
            Assert.True(progress.SequenceEqual(progress.OrderBy(p => p)), "progress went backwards");
        }

        [Fact]
        public async Task Bytes_that_do_not_hash_to_Glances_checksum_are_a_typed_error()
        {
            var served = GeneratedStream.Expected(300_000);
            var recorded = (byte[])served.Clone();
            recorded[123_456] ^= 1;   // one bit differs between what Glance recorded and what arrives
            using var fake = GlanceServing(() => new MemoryStream(served), GlanceFake.ImageJson("active", recorded));
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.Image.DownloadAsync(GlanceFake.ImageId, new MemoryStream(), null, CancellationToken.None));

            Assert.Equal("download", ex.Operation);
            Assert.Equal("md5", ex.Algorithm);
            Assert.Equal(GlanceFake.Hex(MD5.HashData(served)), ex.Actual);
        }

        [Fact]
        public async Task A_truncated_download_is_a_size_mismatch()
        {
            var data = GeneratedStream.Expected(100_000);
            using var fake = GlanceServing(() => new MemoryStream(data, 0, 90_000), GlanceFake.ImageJson("active", data));
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.Image.DownloadAsync(GlanceFake.ImageId, new MemoryStream(), null, CancellationToken.None));

            Assert.Equal("size", ex.Algorithm);
            Assert.Equal("100000", ex.Expected);
            Assert.Equal("90000", ex.Actual);
        }

        [Fact]
        public async Task A_slow_but_steady_download_outlives_the_request_timeout()
        {
            // 8 chunks 300 ms apart: 2.4 s in all, against a 1 s timeout (the margin absorbs a loaded test machine).
            const long size = 8L * GeneratedStream.ChunkSize;
            var settings = FakeCloud.FastSettings();
            settings.Timeout = TimeSpan.FromSeconds(1);
            using var fake = GlanceServing(() => new GeneratedStream(size, TimeSpan.FromMilliseconds(300)),
                GlanceFake.ImageJson("active", GeneratedStream.Expected(size)));
            using var cloud = await ConnectAsync(fake, settings);
            var watch = Stopwatch.StartNew();

            await cloud.Image.DownloadAsync(GlanceFake.ImageId, new CountingSink(), null, CancellationToken.None);

            Assert.True(watch.Elapsed > settings.Timeout * 2, $"took only {watch.ElapsedMilliseconds} ms: the test proves nothing");
        }

        [Fact]
        public async Task A_stalled_download_fails_after_the_timeout_without_progress_and_is_not_retried()
        {
            const long size = 4L * GeneratedStream.ChunkSize;
            var settings = FakeCloud.FastSettings();
            settings.Timeout = TimeSpan.FromSeconds(1);
            using var fake = GlanceServing(() => new GeneratedStream(size, stallAfter: GeneratedStream.ChunkSize),
                GlanceFake.ImageJson("active", GeneratedStream.Expected(size)));
            using var cloud = await ConnectAsync(fake, settings);
            var sink = new CountingSink();
            var watch = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<RequestTimeoutException>(() =>
                cloud.Image.DownloadAsync(GlanceFake.ImageId, sink, null, CancellationToken.None));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.ElapsedMilliseconds} ms");
            Assert.Equal(GeneratedStream.ChunkSize, sink.Bytes);
            Assert.Contains("made no progress for 1 s", ex.Message);
            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).Times(1);
        }

        [Fact]
        public async Task Cancelling_a_download_stops_it_as_a_cancellation()
        {
            using var fake = GlanceServing(() => new GeneratedStream(TwentyMB, TimeSpan.FromMilliseconds(50)),
                GlanceFake.ImageJson("active", size: TwentyMB));
            using var cloud = await ConnectAsync(fake);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                cloud.Image.DownloadAsync(GlanceFake.ImageId, new CountingSink(), null, cancel.Token));
        }

        [Fact]
        public async Task An_image_without_data_is_an_ImageFailed_error()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(GlanceFake.ImageJson("queued"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("GET").RespondWith("", 204);
            using var cloud = await ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ImageFailedException>(() =>
                cloud.Image.DownloadAsync(GlanceFake.ImageId, new MemoryStream(), null, CancellationToken.None));

            Assert.Contains("has no data to download (status queued)", ex.Message);
        }

        [Fact]
        public async Task A_503_before_the_body_is_retried_and_the_download_completes()
        {
            var data = GeneratedStream.Expected(200_000);
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(GlanceFake.ImageJson("active", data), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.FileUrl).WithVerb("GET")
                .RespondWith("{\"error\": {\"message\": \"busy\"}}", 503, FakeCloud.JsonType)
                .RespondWith(() => new StreamContent(new MemoryStream(data)), 200);
            using var cloud = await ConnectAsync(fake);
            var sink = new MemoryStream();

            await cloud.Image.DownloadAsync(GlanceFake.ImageId, sink, null, CancellationToken.None);

            Assert.Equal(data, sink.ToArray());
            fake.Http.ShouldHaveCalled(GlanceFake.FileUrl).Times(2);
        }
    }
}
