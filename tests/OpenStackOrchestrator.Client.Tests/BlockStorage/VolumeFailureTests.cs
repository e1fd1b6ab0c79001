using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Volumes that fail while being waited for: the error carries Cinder's user message, and a volume that
    /// failed to be created is not left behind.</summary>
    public class VolumeFailureTests
    {
        private const string FailedId = "c542364d-3841-4521-b7b9-ff34229f8dd1";
        private const string FailedUrl = CinderFake.VolumesUrl + "/" + FailedId;

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud CinderWithAFailingVolume(string? maxVersion = null)
        {
            var fake = CinderFake.Cloud(maxVersion);
            fake.Http.ForCallsTo(CinderFake.VolumesUrl).WithVerb("POST").RespondWith(Fixture.Text("block-storage/volume-creating.json"), 202, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FailedUrl).WithVerb("GET")
                .RespondWith(Fixture.Text("block-storage/volume-creating.json"), 200, FakeCloud.JsonType)
                .RespondWith(Fixture.Text("block-storage/volume-error.json"), 200, FakeCloud.JsonType)
                .RespondWith(Fixture.Text("errors/cinder-404.json"), 404, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FailedUrl).WithVerb("DELETE").RespondWith("", 202);
            fake.Http.ForCallsTo(CinderFake.MessagesUrl + "*").RespondWith(Fixture.Text("block-storage/messages.json"), 200, FakeCloud.JsonType);
            return fake;
        }

        [Fact]
        public async Task A_volume_that_goes_to_error_fails_with_Cinders_message_and_is_deleted()
        {
            using var fake = CinderWithAFailingVolume();
            using var cloud = CinderFake.FastPolling(fake);

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() =>
                cloud.BlockStorage.CreateVolumeAndWaitAsync(new VolumeCreateRequest { Name = "oso-probe-fails", SizeGB = 1, VolumeType = "oso-probe-nobackend" }, null, CinderFake.Soon()));

            Assert.Equal("error", ex.Status);
            Assert.Equal("VolumeFailed", ex.ErrorId);
            Assert.Equal("schedule allocate volume:Could not find any available weighted backend.", ex.ServiceMessage);
            Assert.Equal($"Volume 'oso-probe-fails' ({FailedId}) went to error: schedule allocate volume:Could not find any available weighted backend. " +
                         "The failed volume was deleted.", ex.Message);
            fake.Http.ShouldHaveCalled(FailedUrl).WithVerb(HttpMethod.Delete).Times(1);
            var messages = Assert.Single(fake.CallsTo(CinderFake.MessagesUrl));
            Assert.EndsWith("?resource_uuid=" + FailedId, messages.Request.Url.ToString());
            Assert.Equal("volume 3.66", FakeCloud.RequestHeader(messages, "OpenStack-API-Version"));
        }

        [Fact]
        public async Task A_cloud_without_user_messages_still_reports_the_failure()
        {
            using var fake = CinderWithAFailingVolume(maxVersion: "3.0");
            using var cloud = CinderFake.FastPolling(fake);

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() =>
                cloud.BlockStorage.CreateVolumeAndWaitAsync(new VolumeCreateRequest { SizeGB = 1 }, null, CinderFake.Soon()));

            Assert.Contains("went to error: Cinder recorded no message saying why.", ex.Message);
            Assert.Empty(fake.CallsTo(CinderFake.MessagesUrl));
        }

        [Fact]
        public async Task A_create_request_carries_only_what_was_given()
        {
            using var fake = CinderWithAFailingVolume();
            using var cloud = CinderFake.FastPolling(fake);
            var request = new VolumeCreateRequest { Name = "data", SizeGB = 2, SnapshotId = "snap-1", AvailabilityZone = "nova" };
            request.Metadata["role"] = "db";

            await cloud.BlockStorage.CreateVolumeAsync(request, CinderFake.Soon());

            var body = JsonNode.Parse(await Assert.Single(fake.CallsTo(CinderFake.VolumesUrl)).HttpRequestMessage.Content!.ReadAsStringAsync())!;
            Assert.Equal("{\"volume\":{\"size\":2,\"name\":\"data\",\"availability_zone\":\"nova\",\"snapshot_id\":\"snap-1\",\"metadata\":{\"role\":\"db\"}}}", body.ToJsonString());
        }

        [Fact]
        public async Task A_delete_that_ends_in_error_deleting_fails_instead_of_waiting_forever()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("DELETE").RespondWith("", 202);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET")
                .RespondWith(CinderFake.VolumeJson("deleting"), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeJson("error_deleting"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(CinderFake.MessagesUrl + "*").RespondWith("{\"messages\": []}", 200, FakeCloud.JsonType);
            var volume = await cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CinderFake.Soon());

            var ex = await Assert.ThrowsAsync<VolumeFailedException>(() => cloud.BlockStorage.RemoveVolumeAsync(volume, false, null, CinderFake.Soon()));

            Assert.Equal("error_deleting", ex.Status);
        }

        [Fact]
        public async Task An_attached_volume_is_not_deleted_without_detaching_and_the_error_names_the_server()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET").RespondWith(Fixture.Text("block-storage/volume-in-use.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/servers/detail*").RespondWith(
                "{\"servers\": [{\"id\": \"" + CinderFake.ServerId + "\", \"name\": \"oso-probe-vm\", \"status\": \"ACTIVE\"}]}", 200, FakeCloud.JsonType);
            var volume = await cloud.BlockStorage.GetVolumeAsync(CinderFake.VolumeId, CinderFake.Soon());

            var ex = await Assert.ThrowsAsync<VolumeInUseException>(() => cloud.BlockStorage.RemoveVolumeAsync(volume, false, null, CinderFake.Soon()));

            Assert.Equal($"'oso-probe-vm' ({CinderFake.ServerId})", Assert.Single(ex.Servers));
            Assert.Contains("is attached to server 'oso-probe-vm'", ex.Message);
            Assert.DoesNotContain(fake.CallsTo(CinderFake.VolumeUrl), c => c.Request.Verb == HttpMethod.Delete);
        }
    }
}
