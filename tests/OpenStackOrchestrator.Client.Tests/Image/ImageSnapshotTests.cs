using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>New-OSImage -Server's client side: Nova createImage, then the wait for the image.</summary>
    public class ImageSnapshotTests
    {
        private const string ServerId = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
        private const string ServerUrl = FakeCloud.ComputeUrl + "/servers/" + ServerId;

        private static string ServerJson(string? taskState) =>
            "{\"server\": {\"id\": \"" + ServerId + "\", \"name\": \"vm1\", \"status\": \"ACTIVE\", \"OS-EXT-STS:task_state\": " +
            (taskState == null ? "null" : "\"" + taskState + "\"") + "}}";

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud NovaAndGlance()
        {
            var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServerUrl + "/action").WithVerb("POST").RespondWith("{\"image_id\": \"" + GlanceFake.ImageId + "\"}", 202, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("DELETE").RespondWith("", 204);
            return fake;
        }

        private static CloudConnection FastPolling(FakeCloud fake)
        {
            var cloud = fake.Connect();
            cloud.Image.FirstPollInterval = cloud.Image.MaxPollInterval = TimeSpan.FromMilliseconds(10);
            return cloud;
        }

        [Fact]
        public async Task A_snapshot_whose_data_arrives_returns_the_active_image()
        {
            using var fake = NovaAndGlance();
            using var cloud = FastPolling(fake);
            {
                fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET")
                    .RespondWith(GlanceFake.ImageJson("queued"), 200, FakeCloud.JsonType)
                    .RespondWith(GlanceFake.ImageJson("saving"), 200, FakeCloud.JsonType)
                    .RespondWith(GlanceFake.ImageJson("active", new byte[10]), 200, FakeCloud.JsonType);
                fake.Http.ForCallsTo(ServerUrl).WithVerb("GET").RespondWith(ServerJson("image_uploading"), 200, FakeCloud.JsonType);

                var image = await cloud.Image.CreateFromServerAsync(ServerId, "snap", null, null, CancellationToken.None);

                Assert.Equal("active", image.Status);
                var action = Assert.Single(fake.CallsTo(ServerUrl + "/action"));
                Assert.Equal("{\"createImage\":{\"name\":\"snap\",\"metadata\":{}}}", await action.HttpRequestMessage.Content!.ReadAsStringAsync());
                Assert.DoesNotContain(fake.CallsTo(GlanceFake.ImageUrl), c => c.Request.Verb == HttpMethod.Delete);
            }
        }

        [Fact]
        public async Task A_snapshot_that_ends_without_data_fails_and_the_empty_image_is_deleted()
        {
            using var fake = NovaAndGlance();
            using var cloud = FastPolling(fake);
            {
                cloud.Image.SnapshotUploadGrace = TimeSpan.FromMilliseconds(50);
                fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(GlanceFake.ImageJson("queued"), 200, FakeCloud.JsonType);
                fake.Http.ForCallsTo(ServerUrl).WithVerb("GET").RespondWith(ServerJson(null), 200, FakeCloud.JsonType);

                var ex = await Assert.ThrowsAsync<ImageFailedException>(() =>
                    cloud.Image.CreateFromServerAsync(ServerId, "snap", null, null, CancellationToken.None));

                Assert.Contains("received no data", ex.Message);
                Assert.Equal("queued", ex.Status);
                fake.Http.ShouldHaveCalled(GlanceFake.ImageUrl).WithVerb(HttpMethod.Delete).Times(1);
            }
        }

        [Fact]
        public async Task A_killed_snapshot_image_fails_the_wait()
        {
            using var fake = NovaAndGlance();
            using var cloud = FastPolling(fake);
            {
                fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(GlanceFake.ImageJson("killed"), 200, FakeCloud.JsonType);

                var ex = await Assert.ThrowsAsync<ImageFailedException>(() =>
                    cloud.Image.CreateFromServerAsync(ServerId, "snap", null, null, CancellationToken.None));

                Assert.Equal("ImageFailed", ex.ErrorId);
                Assert.Contains("went to killed", ex.Message);
            }
        }
    }
}
