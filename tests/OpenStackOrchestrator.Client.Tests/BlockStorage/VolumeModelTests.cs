using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Recorded Cinder bodies read into Volume: Cinder's string "bootable", attachments, and where a volume came from.</summary>
    public class VolumeModelTests
    {
        private static async Task<Volume> ReadAsync(string fixture)
        {
            using var fake = CinderFake.Cloud();
            using var cloud = fake.Connect();
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).RespondWith(Fixture.Text("block-storage/" + fixture), 200, FakeCloud.JsonType);
            return await cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CancellationToken.None);
        }

        [Fact]
        public async Task An_attached_volume_shows_its_server_and_device_as_a_hard_disk_does()
        {
            var volume = await ReadAsync("volume-in-use.json");

            Assert.Equal("in-use", volume.Status);
            Assert.Equal(1, volume.CapacityGB);
            Assert.Equal("__DEFAULT__", volume.VolumeType);
            Assert.False(volume.Bootable);
            var attachment = Assert.Single(volume.Attachments);
            Assert.Equal(CinderFake.ServerId, attachment.ServerId);
            Assert.Equal("/dev/sdb", volume.Device);
            Assert.Equal(CinderFake.ServerId, volume.ServerId);
            Assert.Null(volume.ServerName);
            Assert.Equal(CinderFake.ServerId, volume.Server); // the table's Server column falls back to the id
            Assert.Equal("__DEFAULT__", volume.Type);
            Assert.True(volume.IsAttachedTo(CinderFake.ServerId.ToUpperInvariant()));
            Assert.Equal("b", volume.Metadata["a"]);
        }

        [Fact]
        public async Task A_volume_made_from_an_image_is_bootable_and_names_the_image()
        {
            var volume = await ReadAsync("volume-from-image.json");

            Assert.True(volume.Bootable);
            Assert.Equal("2c07fb44-d539-4077-ae00-9472c6d40005", volume.ImageId);
            Assert.Equal("los-fake-image", volume.ImageName);
            Assert.Empty(volume.Attachments);
            Assert.Null(volume.Device);
        }

        [Fact]
        public async Task A_volume_made_from_a_snapshot_keeps_the_snapshot_id_and_its_size()
        {
            var volume = await ReadAsync("volume-from-snapshot.json");

            Assert.Equal("d47b6558-a719-42d7-ba3a-185f989b9a4f", volume.SnapshotId);
            Assert.Equal(2, volume.SizeGB);
            Assert.Null(volume.ImageId);
        }

        [Fact]
        public async Task Listing_by_server_filters_the_attachments_here_and_sends_no_limit()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = fake.Connect();
            fake.Http.ForCallsTo(CinderFake.VolumesDetailUrl + "*").RespondWith(Fixture.Text("block-storage/volumes-detail.json"), 200, FakeCloud.JsonType);

            var attached = await Resolution.NameResolver.ToListAsync(cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { ServerId = CinderFake.ServerId, Limit = 1 }));
            var other = await Resolution.NameResolver.ToListAsync(cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { ServerId = "another-server" }));

            Assert.Equal("oso-probe-1", Assert.Single(attached).Name);
            Assert.Empty(other);
            Assert.All(fake.CallsTo(CinderFake.VolumesDetailUrl), c => Assert.DoesNotContain("limit", c.Request.Url.ToString()));
        }

        [Fact]
        public async Task Quotas_are_block_storage_rows_with_the_per_type_ones()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = fake.Connect();
            fake.Http.ForCallsTo(CinderFake.Url + "/os-quota-sets/*").RespondWith(Fixture.Text("block-storage/quota-usage.json"), 200, FakeCloud.JsonType);

            await cloud.ConnectAsync(CancellationToken.None);   // the project id comes from the token

            var rows = await cloud.BlockStorage.GetQuotaUsageAsync(null, CancellationToken.None);

            Assert.All(rows, r => Assert.Equal("block-storage", r.Service));
            Assert.All(rows, r => Assert.Equal(CinderFake.ProjectId, r.ProjectId));
            Assert.Equal(10, rows.Single(r => r.Resource == "volumes").Limit);
            Assert.True(rows.Single(r => r.Resource == "volumes___DEFAULT__").IsUnlimited);
            Assert.DoesNotContain(rows, r => r.Resource == "id");
            Assert.EndsWith("?usage=True", Assert.Single(fake.CallsTo(CinderFake.Url + "/os-quota-sets/")).Request.Url.ToString());
        }
    }
}
