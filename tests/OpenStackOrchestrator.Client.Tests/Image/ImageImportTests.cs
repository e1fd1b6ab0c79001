using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Glance's interoperable import where the local cloud cannot show it: a cloud that does not offer a method
    /// (the local one offers glance-direct, web-download and copy-image), and a failed import task's message.</summary>
    public class ImageImportTests
    {
        private const string InfoUrl = FakeCloud.ImageUrl + "/v2/info/import";

        // GET /v2/info/import as the local cloud answers it, with web-download and copy-image disabled.
        private const string OnlyGlanceDirect =
            "{\"import-methods\": {\"description\": \"Import methods available.\", \"type\": \"array\", \"value\": [\"glance-direct\"]}}";

        private static CloudConnection FastPolling(FakeCloud fake)
        {
            var cloud = fake.Connect();
            cloud.Image.FirstPollInterval = cloud.Image.MaxPollInterval = TimeSpan.FromMilliseconds(10);
            return cloud;
        }

        [Fact]
        public async Task A_method_the_cloud_does_not_offer_is_refused_before_anything_is_created()
        {
            using var fake = new FakeCloud().WithTokens(1);
            using var cloud = fake.Connect();
            fake.Http.ForCallsTo(InfoUrl).WithVerb("GET").RespondWith(OnlyGlanceDirect, 200, FakeCloud.JsonType);

            var failure = await Assert.ThrowsAsync<ImportMethodNotOfferedException>(() =>
                cloud.Image.CreateByWebDownloadAsync(new ImageCreateRequest { Name = "x", DiskFormat = "raw", ContainerFormat = "bare" },
                    new Uri("https://example.org/x.img"), null, CancellationToken.None));

            Assert.Equal("ImportMethodNotOffered", failure.ErrorId);
            Assert.Contains("this cloud offers import methods: glance-direct.", failure.Message);
            Assert.Equal(new[] { "glance-direct" }, failure.Offered);
            Assert.Empty(fake.CallsTo(GlanceFake.ImagesUrl));
        }

        [Fact]
        public async Task A_failed_import_reports_its_task_message_and_deletes_the_image()
        {
            using var fake = new FakeCloud().WithTokens(1);
            using var cloud = FastPolling(fake);
            fake.Http.ForCallsTo(InfoUrl).WithVerb("GET").RespondWith(
                "{\"import-methods\": {\"type\": \"array\", \"value\": [\"glance-direct\", \"web-download\"]}}", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImagesUrl).WithVerb("POST").RespondWith(GlanceFake.ImageJson("queued"), 201, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl + "/import").WithVerb("POST").RespondWith("", 202);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET")
                .RespondWith(GlanceFake.ImageJson("importing", extra: new System.Collections.Generic.Dictionary<string, object?> { ["os_glance_import_task"] = "t2" }), 200, FakeCloud.JsonType)
                .RespondWith(GlanceFake.ImageJson("queued", extra: new System.Collections.Generic.Dictionary<string, object?> { ["os_glance_import_task"] = "t2" }), 200, FakeCloud.JsonType);
            // An older failed task and the current one: the message is the current task's.
            fake.Http.ForCallsTo(GlanceFake.ImageUrl + "/tasks").WithVerb("GET").RespondWith(
                "{\"tasks\": [{\"id\": \"t1\", \"status\": \"failure\", \"message\": \"old\", \"created_at\": \"2026-12-01T00:00:00Z\"}," +
                "{\"id\": \"t2\", \"status\": \"failure\", \"message\": \"HTTP 404 Not Found for the URL.\", \"created_at\": \"2026-11-01T00:00:00Z\"}]}",
                200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("DELETE").RespondWith("", 204);

            var failure = await Assert.ThrowsAsync<ImageFailedException>(() =>
                cloud.Image.CreateByWebDownloadAsync(new ImageCreateRequest { Name = "oso-unit", DiskFormat = "raw", ContainerFormat = "bare" },
                    new Uri("https://example.org/missing.img"), null, CancellationToken.None));

            Assert.Contains("failed: HTTP 404 Not Found for the URL. The image was deleted.", failure.Message);
            Assert.Equal("HTTP 404 Not Found for the URL.", failure.ServiceMessage);
            var import = Assert.Single(fake.CallsTo(GlanceFake.ImageUrl + "/import"));
            Assert.Equal("{\"method\":{\"name\":\"web-download\",\"uri\":\"https://example.org/missing.img\"}}", await import.HttpRequestMessage.Content!.ReadAsStringAsync());
            Assert.Contains(fake.CallsTo(GlanceFake.ImageUrl), c => c.Request.Verb == HttpMethod.Delete);
        }
    }
}
