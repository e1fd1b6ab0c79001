using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>os-volume_upload_image, as Export-OSVApp asks it: converted to VMDK, forced for an attached volume.</summary>
    public class VolumeImageUploadTests
    {
        [Fact]
        public async Task The_upload_asks_for_vmdk_and_returns_the_new_image()
        {
            using var fake = CinderFake.Cloud();
            fake.Http.ForCallsTo(CinderFake.ActionUrl).WithVerb("POST").RespondWith(
                "{\"os-volume_upload_image\": {\"id\": \"" + CinderFake.VolumeId + "\", \"status\": \"uploading\", \"image_id\": \"img-1\", \"disk_format\": \"vmdk\", \"container_format\": \"bare\"}}",
                202, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var upload = await cloud.BlockStorage.UploadToImageAsync(CinderFake.VolumeId, "web-export-disk2", "vmdk", force: true, CinderFake.Soon());

            Assert.Equal("img-1", upload.ImageId);
            Assert.Equal("vmdk", upload.DiskFormat);
            Assert.Equal(CinderFake.VolumeId, upload.VolumeId);
            var call = Assert.Single(fake.CallsTo(CinderFake.ActionUrl));
            using var body = JsonDocument.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync());
            var request = body.RootElement.GetProperty("os-volume_upload_image");
            Assert.Equal("web-export-disk2", request.GetProperty("image_name").GetString());
            Assert.Equal("vmdk", request.GetProperty("disk_format").GetString());
            Assert.Equal("bare", request.GetProperty("container_format").GetString());
            Assert.True(request.GetProperty("force").GetBoolean());
        }

        [Fact]
        public async Task An_in_use_volume_the_cloud_will_not_read_is_a_bad_request_with_Cinders_message()
        {
            using var fake = CinderFake.Cloud();
            fake.Http.ForCallsTo(CinderFake.ActionUrl).WithVerb("POST").RespondWith(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid volume: Volume " + CinderFake.VolumeId + " status must be available\"}}", 400, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var refused = await Assert.ThrowsAsync<BadRequestException>(() =>
                cloud.BlockStorage.UploadToImageAsync(CinderFake.VolumeId, "x", "vmdk", force: true, CinderFake.Soon()));

            Assert.Contains("status must be", refused.ServiceMessage ?? refused.Message);
        }
    }
}
