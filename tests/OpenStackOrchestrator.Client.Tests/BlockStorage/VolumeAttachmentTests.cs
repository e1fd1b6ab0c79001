using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Attach and detach through Nova, judged by the volume's status. The fake drivers always succeed, so the
    /// roll-backs Nova does when a hypervisor fails are played here.</summary>
    public class VolumeAttachmentTests
    {
        private const string AttachmentUrl = CinderFake.AttachmentsUrl + "/" + CinderFake.VolumeId;

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud NovaAndCinder()
        {
            var fake = CinderFake.Cloud();
            var attached = Fixture.Text("block-storage/nova-volume-attachments.json").Replace("{\"volumeAttachments\": [", "{\"volumeAttachment\": ").Replace("}]}", "}}");
            fake.Http.ForCallsTo(CinderFake.AttachmentsUrl).WithVerb("POST").RespondWith(attached, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(AttachmentUrl).WithVerb("DELETE").RespondWith("", 202);
            return fake;
        }

        [Fact]
        public async Task An_attach_waits_through_reserved_until_in_use_on_the_server()
        {
            using var fake = NovaAndCinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("reserved"), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("attaching"), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("in-use", attached: true), 200, FakeCloud.JsonType);

            var volume = await cloud.BlockStorage.AttachVolumeAsync(CinderFake.VolumeId, CinderFake.ServerId, "oso-probe-vm", "/dev/vdb", null, CinderFake.Soon());

            Assert.Equal("in-use", volume.Status);
            Assert.Equal("oso-probe-vm", volume.ServerName);
            Assert.Equal("/dev/sdb", volume.Device);
            var post = Assert.Single(fake.CallsTo(CinderFake.AttachmentsUrl));
            Assert.Equal("{\"volumeAttachment\":{\"volumeId\":\"" + CinderFake.VolumeId + "\",\"device\":\"/dev/vdb\"}}", await post.HttpRequestMessage.Content!.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_volume_available_again_after_an_attach_means_Nova_gave_up()
        {
            using var fake = NovaAndCinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("attaching"), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("available"), 200, FakeCloud.JsonType);

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() =>
                cloud.BlockStorage.AttachVolumeAsync(CinderFake.VolumeId, CinderFake.ServerId, "oso-probe-vm", null, null, CinderFake.Soon()));

            Assert.Contains("Nova did not attach volume 'oso-probe-1'", ex.Message);
            Assert.Contains("to server 'oso-probe-vm'", ex.Message);
            Assert.Equal("available", ex.Status);
        }

        [Fact]
        public async Task A_detach_waits_until_the_attachment_is_gone()
        {
            using var fake = NovaAndCinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("detaching", attached: true), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("available"), 200, FakeCloud.JsonType);

            var volume = await cloud.BlockStorage.DetachVolumeAsync(CinderFake.VolumeId, CinderFake.ServerId, null, CinderFake.Soon());

            Assert.Equal("available", volume.Status);
            Assert.Empty(volume.Attachments);
            Assert.Single(fake.CallsTo(AttachmentUrl));
        }

        [Fact]
        public async Task A_volume_in_use_again_after_detaching_means_Nova_rolled_back()
        {
            using var fake = NovaAndCinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("detaching", attached: true), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("in-use", attached: true), 200, FakeCloud.JsonType);

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() =>
                cloud.BlockStorage.DetachVolumeAsync(CinderFake.VolumeId, CinderFake.ServerId, null, CinderFake.Soon()));

            Assert.Contains("Nova did not detach volume 'oso-probe-1'", ex.Message);
            Assert.Equal("in-use", ex.Status);
        }
    }
}
