using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Set-OSVolume -SizeGB's client side: os-extend, the microversion an attached volume needs, and the wait.</summary>
    public class VolumeExtendTests
    {
        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud Cinder(string? maxVersion = null)
        {
            var fake = CinderFake.Cloud(maxVersion);
            fake.Http.ForCallsTo(CinderFake.ActionUrl).RespondWith("", 202);
            fake.Http.ForCallsTo(CinderFake.MessagesUrl + "*").RespondWith("{\"messages\": []}", 200, FakeCloud.JsonType);
            return fake;
        }

        private static Task<Volume> VolumeAsync(CloudConnection cloud) => cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CinderFake.Soon());

        [Fact]
        public async Task An_attached_volume_is_extended_at_3_42_or_later_and_waited_for_until_it_has_the_new_size()
        {
            using var fake = Cinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("in-use", size: 1, attached: true), 200, FakeCloud.JsonType)
                // Still the old size once: the wait must not end on "in-use" alone.
                .RespondWith(CinderFake.VolumeJson("in-use", size: 1, attached: true), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("extending", size: 1, attached: true), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("in-use", size: 3, attached: true), 200, FakeCloud.JsonType);
            var volume = await VolumeAsync(cloud);

            var extended = await cloud.BlockStorage.ExtendVolumeAsync(volume, 3, null, CinderFake.Soon());

            Assert.Equal(3, extended.SizeGB);
            var action = Assert.Single(fake.CallsTo(CinderFake.ActionUrl));
            Assert.Equal("{\"os-extend\":{\"new_size\":3}}", await action.HttpRequestMessage.Content!.ReadAsStringAsync());
            Assert.Equal("volume 3.66", FakeCloud.RequestHeader(action, "OpenStack-API-Version"));
        }

        [Fact]
        public async Task Extending_an_attached_volume_on_a_cloud_older_than_3_42_says_so_and_sends_nothing()
        {
            using var fake = Cinder(maxVersion: "3.40");
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET").RespondWith(CinderFake.VolumeJson("in-use", attached: true), 200, FakeCloud.JsonType);
            var volume = await VolumeAsync(cloud);

            var ex = await Assert.ThrowsAsync<MicroversionNotSupportedException>(() => cloud.BlockStorage.ExtendVolumeAsync(volume, 2, null, CinderFake.Soon()));

            Assert.Contains("Extending an attached volume needs block-storage API microversion 3.42", ex.Message);
            Assert.Contains("3.0 to 3.40", ex.Message);
            Assert.Empty(fake.CallsTo(CinderFake.ActionUrl));
        }

        [Fact]
        public async Task A_detached_volume_is_extended_on_an_old_cloud_too()
        {
            using var fake = Cinder(maxVersion: "3.0");
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("available", size: 1), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("available", size: 2), 200, FakeCloud.JsonType);
            var volume = await VolumeAsync(cloud);

            var extended = await cloud.BlockStorage.ExtendVolumeAsync(volume, 2, null, CinderFake.Soon());

            Assert.Equal(2, extended.SizeGB);
            Assert.Equal("volume 3.0", FakeCloud.RequestHeader(Assert.Single(fake.CallsTo(CinderFake.ActionUrl)), "OpenStack-API-Version"));
        }

        [Fact]
        public async Task A_smaller_size_is_refused_before_anything_is_sent_and_the_same_size_does_nothing()
        {
            using var fake = Cinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET").RespondWith(CinderFake.VolumeJson("available", size: 2), 200, FakeCloud.JsonType);
            var volume = await VolumeAsync(cloud);

            var ex = await Assert.ThrowsAsync<BadRequestException>(() => cloud.BlockStorage.ExtendVolumeAsync(volume, 1, null, CinderFake.Soon()));
            var same = await cloud.BlockStorage.ExtendVolumeAsync(volume, 2, null, CinderFake.Soon());

            Assert.Contains("is 2 GB and cannot shrink to 1 GB", ex.Message);
            Assert.Same(volume, same);
            Assert.Empty(fake.CallsTo(CinderFake.ActionUrl));
        }

        [Fact]
        public async Task An_extend_that_ends_in_error_extending_fails_with_the_status()
        {
            using var fake = Cinder();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("available", size: 1), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("error_extending", size: 1), 200, FakeCloud.JsonType);
            var volume = await VolumeAsync(cloud);

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() => cloud.BlockStorage.ExtendVolumeAsync(volume, 2, null, CinderFake.Soon()));

            Assert.Equal("error_extending", ex.Status);
            Assert.Contains("went to error_extending", ex.Message);
        }
    }
}
