using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Static large objects: segments into "&lt;container&gt;_segments", then a manifest; cleanup when a
    /// segment fails; downloads checked segment by segment; old segments deleted when an object is replaced.</summary>
    public sealed class LargeObjectTests : IDisposable
    {
        private static readonly byte[] Data = Encoding.ASCII.GetBytes("0123456789");   // 3 segments of 4, 4 and 2 bytes
        private static readonly string ObjectUrl = SwiftFake.Url("backups", "db.dump");
        private static readonly string SegmentsUrl = SwiftFake.Url("backups_segments");
        private readonly string _file = Path.GetTempFileName();

        public LargeObjectTests() => File.WriteAllBytes(_file, Data);

        public void Dispose() => File.Delete(_file);

        private static byte[] Segment(int index) => Data.Skip(index * 4).Take(4).ToArray();

        private static FakeCloud SwiftWithoutObject()
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 404, SwiftFake.Headers());
            fake.Http.ForCallsTo(SegmentsUrl).WithVerb("PUT").RespondWith("", 201, SwiftFake.Headers());
            return fake;
        }

        private static void SegmentAnswers(FakeCloud fake, BodyReader server, int index)
        {
            fake.Http.ForCallsTo(SegmentsUrl + "/db.dump/slo/*/" + index.ToString("D8")).WithVerb("PUT").With(server.Read)
                .RespondWith("", 201, SwiftFake.Headers(("ETag", SwiftFake.Md5(Segment(index)))));
        }

        private Task<StorageObject> UploadAsync(CloudConnection cloud) =>
            cloud.ObjectStorage.UploadFileAsync("backups", "db.dump", _file, new ObjectUploadOptions { SegmentSize = 4 }, null, CancellationToken.None);

        [Fact]
        public async Task A_file_above_the_segment_size_goes_up_in_segments_then_a_manifest_that_lists_them_in_order()
        {
            using var fake = SwiftWithoutObject();
            var server = new BodyReader();
            for (var i = 0; i < 3; i++)
                SegmentAnswers(fake, server, i);
            var etag = SwiftFake.Md5(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 3).Select(i => SwiftFake.Md5(Segment(i))))));
            fake.Http.ForCallsTo(ObjectUrl + "?multipart-manifest=put").WithVerb("PUT").With(server.Read)
                .RespondWith("", 201, SwiftFake.Headers(("ETag", "\"" + etag + "\"")));
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var uploaded = await UploadAsync(cloud);

            var segments = server.Bodies.Where(b => b.Key.StartsWith(SegmentsUrl + "/")).OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { Segment(0), Segment(1), Segment(2) }, segments.Select(s => s.Value));
            var manifest = JsonDocument.Parse(server.Bodies[ObjectUrl]).RootElement.EnumerateArray().ToList();
            Assert.Equal(3, manifest.Count);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(segments[i].Key.Substring(SwiftFake.AccountUrl.Length), manifest[i].GetProperty("path").GetString());
                Assert.Equal(SwiftFake.Md5(Segment(i)), manifest[i].GetProperty("etag").GetString());
                Assert.Equal(Segment(i).Length, manifest[i].GetProperty("size_bytes").GetInt64());
            }
            Assert.Matches("/backups_segments/db.dump/slo/[0-9.]+/10/4/00000002$", manifest[2].GetProperty("path").GetString());
            fake.Http.ShouldHaveCalled(SegmentsUrl).WithVerb(HttpMethod.Put).Times(1);
            Assert.True(uploaded.IsLargeObject);
            Assert.Equal(etag, uploaded.Hash);
            Assert.Equal(Data.Length, uploaded.SizeBytes);
        }

        [Fact]
        public async Task A_failed_segment_deletes_the_segments_already_uploaded_and_no_manifest_is_put()
        {
            using var fake = SwiftWithoutObject();
            var server = new BodyReader();
            SegmentAnswers(fake, server, 0);
            fake.Http.ForCallsTo(SegmentsUrl + "/db.dump/slo/*/00000001").WithVerb("PUT").With(server.Read)
                .RespondWith("<html><h1>Unprocessable Entity</h1></html>", 422, SwiftFake.Headers());
            fake.Http.ForCallsTo(SegmentsUrl + "?*").WithVerb("GET").RespondWith(() =>
                new StringContent("[" + string.Join(",", server.Bodies.Keys.Where(k => k.EndsWith("/00000000"))
                    .Select(k => $"{{\"name\": \"{k.Substring(SegmentsUrl.Length + 1)}\", \"bytes\": 4, \"hash\": \"x\"}}")) + "]", Encoding.UTF8, "application/json"), 200);
            fake.Http.ForCallsTo(SegmentsUrl + "/*").WithVerb("DELETE").RespondWith("", 204, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);
            cloud.ObjectStorage.Concurrency = 1;

            var ex = await Assert.ThrowsAsync<RequestRejectedException>(() => UploadAsync(cloud));

            Assert.Equal(422, ex.StatusCode);
            var firstSegment = server.Bodies.Keys.Single(k => k.EndsWith("/00000000"));
            fake.Http.ShouldHaveCalled(firstSegment).WithVerb(HttpMethod.Delete).Times(1);
            Assert.StartsWith("db.dump/slo/", fake.CallsTo(SegmentsUrl + "?").Single().Request.Url.QueryParams.FirstOrDefault("prefix")?.ToString());
            fake.Http.ShouldNotHaveCalled(ObjectUrl + "?multipart-manifest=put");
            fake.Http.ShouldNotHaveCalled(SegmentsUrl + "/db.dump/slo/*/00000002");
        }

        [Fact]
        public async Task A_large_object_download_is_checked_segment_by_segment()
        {
            var corrupted = Data.ToArray();
            corrupted[5] = (byte)'X';   // in the second segment
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 200,
                SwiftFake.Headers(("X-Static-Large-Object", "True"), ("Content-Length", "10"), ("ETag", "\"e\"")));
            fake.Http.ForCallsTo(ObjectUrl + "?multipart-manifest=get").WithVerb("GET").RespondWith(
                "[" + string.Join(",", Enumerable.Range(0, 3).Select(i =>
                    $"{{\"name\": \"/backups_segments/s{i}\", \"bytes\": {Segment(i).Length}, \"hash\": \"{SwiftFake.Md5(Segment(i))}\"}}")) + "]", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("GET").RespondWith(() => new ByteArrayContent(corrupted), 200,
                SwiftFake.Headers(("X-Static-Large-Object", "True"), ("ETag", "\"e\"")));
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ChecksumMismatchException>(() =>
                cloud.ObjectStorage.DownloadAsync("backups", "db.dump", new MemoryStream(), null, CancellationToken.None));

            Assert.Equal(SwiftFake.Md5(Segment(1)), ex.Expected);
            Assert.Contains("segment 2 of 3", ex.Message);
        }

        [Fact]
        public async Task Replacing_a_large_object_deletes_its_old_segments_after_the_new_object_is_in_place()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("HEAD").RespondWith("", 200, SwiftFake.Headers(("X-Static-Large-Object", "True"), ("Content-Length", "8")));
            fake.Http.ForCallsTo(ObjectUrl + "?multipart-manifest=get").WithVerb("GET").RespondWith(
                "[{\"name\": \"/backups_segments/old/0\", \"bytes\": 4, \"hash\": \"a\"}, {\"name\": \"/backups_segments/old/1\", \"bytes\": 4, \"hash\": \"b\"}]", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(ObjectUrl).WithVerb("PUT").With(new BodyReader().Read).RespondWith("", 201, SwiftFake.Headers(("ETag", SwiftFake.Md5(Data))));
            fake.Http.ForCallsTo(SegmentsUrl + "/old/*").WithVerb("DELETE").RespondWith("", 204, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);

            await cloud.ObjectStorage.UploadFileAsync("backups", "db.dump", _file, new ObjectUploadOptions(), null, CancellationToken.None);

            fake.Http.ShouldHaveCalled(SegmentsUrl + "/old/0").WithVerb(HttpMethod.Delete).Times(1);
            fake.Http.ShouldHaveCalled(SegmentsUrl + "/old/1").WithVerb(HttpMethod.Delete).Times(1);
            var put = fake.Http.CallLog.Single(c => c.Request.Verb == HttpMethod.Put);
            Assert.True(fake.Http.CallLog.ToList().IndexOf(put) < fake.Http.CallLog.ToList().FindIndex(c => c.Request.Verb == HttpMethod.Delete));
        }
    }
}
