using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Single-request uploads and downloads: the MD5 computed while the bytes stream must be Swift's ETag.</summary>
    public class ObjectTransferTests
    {
        private static readonly byte[] Data = SwiftFake.RandomBytes(300_000);
        private static readonly string ObjectUrl = SwiftFake.Url("docs", "dir/report%201.pdf");

        [Fact]
        public async Task An_upload_streams_the_bytes_with_type_and_metadata_and_returns_the_verified_object()
        {
            using var fake = new FakeCloud().WithTokens(1);
            var server = new BodyReader();
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("PUT").With(server.Read)
                .RespondWith("", 201, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data)), ("Last-Modified", "Tue, 24 Nov 2026 10:21:50 GMT")));
            using var cloud = await SwiftFake.ConnectAsync(fake);
            var options = new ObjectUploadOptions();
            options.Metadata["Owner"] = "ops";
            var progress = new List<long>();

            var uploaded = await cloud.ObjectStorage.UploadAsync("docs", "dir/report 1.pdf", new MemoryStream(Data), null, options, progress.Add, CancellationToken.None);

            Assert.Equal(Data, server.Bodies[ObjectUrl]);
            var put = fake.CallsTo(ObjectUrl).Single();
            Assert.Equal("application/pdf", put.HttpRequestMessage.Content!.Headers.ContentType!.MediaType);
            Assert.Equal("ops", FakeCloud.RequestHeader(put, "X-Object-Meta-Owner"));
            Assert.Equal(SwiftFake.Md5(Data), uploaded.Hash);
            Assert.Equal(Data.Length, uploaded.SizeBytes);
            Assert.Equal(Data.Length, progress.Last());
        }

        [Fact]
        public async Task An_upload_whose_ETag_differs_is_a_ChecksumMismatch_and_the_stored_object_is_deleted()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("PUT").With(new BodyReader().Read).RespondWith("", 201, SwiftFake.Headers(("ETag", new string('0', 32))));
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("DELETE").RespondWith("", 204);
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.ObjectStorage.UploadAsync("docs", "dir/report 1.pdf", new MemoryStream(Data), null, new ObjectUploadOptions(), null, CancellationToken.None));

            Assert.Equal("md5", ex.Algorithm);
            Assert.Equal(new string('0', 32), ex.Expected);
            Assert.Equal(SwiftFake.Md5(Data), ex.Actual);
            Assert.Equal("object-store", ex.Service);
            Assert.Contains("The object was deleted.", ex.Message);
            fake.Http.ShouldHaveCalled(ObjectUrl).WithVerb(HttpMethod.Delete).Times(1);
        }

        [Fact]
        public async Task A_download_is_written_as_it_arrives_and_checked_against_the_ETag()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 200, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data)), ("Content-Length", Data.Length.ToString())));
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("GET").RespondWith(() => new ByteArrayContent(Data), 200, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data))));
            using var cloud = await SwiftFake.ConnectAsync(fake);
            using var sink = new MemoryStream();

            var item = await cloud.ObjectStorage.DownloadAsync("docs", "dir/report 1.pdf", sink, null, CancellationToken.None);

            Assert.Equal(Data, sink.ToArray());
            Assert.Equal(SwiftFake.Md5(Data), item.Hash);
        }

        [Fact]
        public async Task Downloaded_bytes_that_do_not_hash_to_the_ETag_are_a_ChecksumMismatch()
        {
            var corrupted = (byte[])Data.Clone();
            corrupted[1000] ^= 0xff;
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 200, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data)), ("Content-Length", Data.Length.ToString())));
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("GET").RespondWith(() => new ByteArrayContent(corrupted), 200, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data))));
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.ObjectStorage.DownloadAsync("docs", "dir/report 1.pdf", new MemoryStream(), null, CancellationToken.None));

            Assert.Equal("download", ex.Operation);
            Assert.Equal(SwiftFake.Md5(Data), ex.Expected);
            Assert.Equal(SwiftFake.Md5(corrupted), ex.Actual);
            Assert.Equal("ChecksumMismatch", ex.ErrorId);
        }

        [Fact]
        public async Task A_download_cut_short_is_a_size_mismatch_even_when_the_server_sent_no_ETag()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 200, SwiftFake.Headers(("Content-Length", Data.Length.ToString())));
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("GET").RespondWith(() => new ByteArrayContent(Data.Take(1000).ToArray()), 200, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.ObjectStorage.DownloadAsync("docs", "dir/report 1.pdf", new MemoryStream(), null, CancellationToken.None));

            Assert.Equal("size", ex.Algorithm);
            Assert.Equal(Data.Length.ToString(), ex.Expected);
            Assert.Equal("1000", ex.Actual);
        }
    }
}
