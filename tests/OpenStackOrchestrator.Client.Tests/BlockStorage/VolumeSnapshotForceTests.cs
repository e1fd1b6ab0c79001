using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Snapshots of attached volumes: before microversion 3.66 Cinder refuses them without force=true (recorded:
    /// "status must be available, but current status is: in-use"); from 3.66 on the flag is not needed.</summary>
    public class VolumeSnapshotForceTests
    {
        private static async Task<string> CreateBodyAsync(string maxVersion)
        {
            using var fake = CinderFake.Cloud(maxVersion);
            using var cloud = fake.Connect();
            var snapshot = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Text("block-storage/snapshots-detail.json"))!["snapshots"]![0]!.DeepClone();
            fake.Http.ForCallsTo(CinderFake.SnapshotsUrl).WithVerb("POST")
                .RespondWith(new System.Text.Json.Nodes.JsonObject { ["snapshot"] = snapshot }.ToJsonString(), 202, FakeCloud.JsonType);

            var created = await cloud.BlockStorage.CreateSnapshotAsync(CinderFake.VolumeId, "snap", null, null, CancellationToken.None);

            Assert.Equal("oso-probe-snap", created.Name);
            return await Assert.Single(fake.CallsTo(CinderFake.SnapshotsUrl)).HttpRequestMessage.Content!.ReadAsStringAsync();
        }

        [Fact]
        public async Task An_older_cloud_is_sent_force_true()
        {
            Assert.Equal("{\"snapshot\":{\"volume_id\":\"" + CinderFake.VolumeId + "\",\"name\":\"snap\",\"force\":true}}", await CreateBodyAsync("3.50"));
        }

        [Fact]
        public async Task A_cloud_with_3_66_is_sent_no_force_flag()
        {
            Assert.Equal("{\"snapshot\":{\"volume_id\":\"" + CinderFake.VolumeId + "\",\"name\":\"snap\"}}", await CreateBodyAsync("3.70"));
        }
    }
}
