using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>Waits share one poll loop per connection: many volumes cost one list request per round.</summary>
    public class VolumePollingTests
    {
        private static string Id(int i) => $"00000000-0000-4000-8000-00000000000{i}";

        [Fact]
        public async Task Five_volumes_waited_for_at_once_are_polled_with_one_list_per_round()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumesDetailUrl + "*")
                .RespondWith(CinderFake.VolumeList(Enumerable.Range(1, 5).Select(i => CinderFake.VolumeJson("creating", id: Id(i))).ToArray()), 200, FakeCloud.JsonType)
                .RespondWith(CinderFake.VolumeList(Enumerable.Range(1, 5).Select(i => CinderFake.VolumeJson("available", id: Id(i))).ToArray()), 200, FakeCloud.JsonType);

            var waits = Enumerable.Range(1, 5).Select(i => cloud.BlockStorage.WaitForVolumeStatusAsync(Id(i), new[] { "available" }, null, null, CinderFake.Soon())).ToList();
            var volumes = await Task.WhenAll(waits);

            Assert.All(volumes, v => Assert.Equal("available", v.Status));
            Assert.Equal(Enumerable.Range(1, 5).Select(Id), volumes.Select(v => v.Id));
            // The first round may start before every wait has joined (a few GETs); after that, one list per round.
            Assert.InRange(fake.CallsTo(CinderFake.VolumesUrl + "/0").Count, 0, 3);
            Assert.InRange(fake.CallsTo(CinderFake.VolumesDetailUrl).Count, 1, 3);
            Assert.True(cloud.BlockStorage.WaitPollRequests <= cloud.BlockStorage.WaitPollRounds + 3,
                $"{cloud.BlockStorage.WaitPollRequests} requests in {cloud.BlockStorage.WaitPollRounds} rounds");
        }

        [Fact]
        public async Task A_volume_that_disappears_while_waited_for_fails_the_wait()
        {
            using var fake = CinderFake.Cloud();
            using var cloud = CinderFake.FastPolling(fake);
            fake.Http.ForCallsTo(CinderFake.VolumeUrl).WithVerb("GET").RespondWith(Fixture.Text("errors/cinder-404.json"), 404, FakeCloud.JsonType);

            var ex = await Assert.ThrowsAsync<Errors.VolumeFailedException>(() =>
                cloud.BlockStorage.WaitForVolumeStatusAsync(CinderFake.VolumeId, new[] { "available" }, null, null, CinderFake.Soon()));

            Assert.Contains("disappeared", ex.Message);
            Assert.Null(ex.Status);
            Assert.DoesNotContain(fake.CallsTo(CinderFake.VolumeUrl), c => c.Request.Verb != HttpMethod.Get);
        }
    }
}
