using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Cinder's answers read into the declared models: a newer Cinder's fields and statuses, its times without
    /// a zone, and the null name of a volume made without one.</summary>
    public class NewerCinderTests
    {
        [Fact]
        public async Task A_volume_from_a_newer_Cinder_keeps_its_unknown_status_and_fields()
        {
            using var fake = CinderFake.Cloud();
            var body = JsonNode.Parse(CinderFake.VolumeJson("archived", attached: true))!;
            body["volume"]!["name"] = null;
            body["volume"]!["storage_tier"] = "cold";
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).RespondWith(body.ToJsonString(), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var volume = await cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CancellationToken.None);

            Assert.Equal("archived", volume.Status);
            Assert.Equal("", volume.Name);
            Assert.Equal(CinderFake.VolumeId, volume.ToString());
            Assert.Equal("cold", volume.ExtensionData["storage_tier"]);
            Assert.Equal(true, volume.ExtensionData["consumes_quota"]);
            foreach (var modelled in new[] { "id", "name", "status", "size", "attachments", "bootable", "metadata", "created_at", "os-vol-tenant-attr:tenant_id" })
                Assert.False(volume.ExtensionData.ContainsKey(modelled), modelled + " is a property, not an extension");
            Assert.Equal("volume 3.66", FakeCloud.RequestHeader(fake.CallsTo(CinderFake.VolumeUrl)[0], "OpenStack-API-Version"));
        }

        [Fact]
        public async Task Cinder_times_without_a_zone_read_as_UTC()
        {
            using var fake = CinderFake.Cloud();
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).RespondWith(Fixture.Text("block-storage/volume-in-use.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var volume = await cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CancellationToken.None);

            Assert.Equal(new DateTime(2026, 11, 24, 10, 4, 56, DateTimeKind.Utc), volume.Created);
            Assert.Equal(DateTimeKind.Utc, volume.Created!.Value.Kind);
            Assert.Equal(new DateTime(2026, 11, 24, 10, 5, 14, DateTimeKind.Utc), Assert.Single(volume.Attachments).AttachedAt);
        }

        [Fact]
        public async Task A_snapshot_list_sends_Cinders_filters_and_reads_a_snapshot_without_a_name()
        {
            using var fake = CinderFake.Cloud();
            var list = JsonNode.Parse(Fixture.Text("block-storage/snapshots-detail.json"))!;
            list["snapshots"]![0]!["name"] = null;
            fake.Http.ForCallsTo(CinderFake.SnapshotsUrl + "/detail*").RespondWith(list.ToJsonString(), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var snapshots = await Resolution.NameResolver.ToListAsync(cloud.BlockStorage.ListSnapshotsAsync(new SnapshotListOptions { Status = "AVAILABLE", VolumeId = CinderFake.VolumeId }));

            var snapshot = Assert.Single(snapshots);
            Assert.Equal("", snapshot.Name);
            Assert.Equal(CinderFake.VolumeId, snapshot.VolumeId);
            var url = Assert.Single(fake.CallsTo(CinderFake.SnapshotsUrl)).Request.Url;
            Assert.Equal("available", url.QueryParams.FirstOrDefault("status"));
            Assert.Equal(CinderFake.VolumeId, url.QueryParams.FirstOrDefault("volume_id"));
        }
    }
}
