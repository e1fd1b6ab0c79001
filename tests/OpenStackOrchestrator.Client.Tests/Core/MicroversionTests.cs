using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class MicroversionTests
    {
        private const string FlavorsUrl = FakeCloud.ComputeUrl + "/flavors/detail";

        private static FakeCloud CloudWithMaxComputeVersion(string? max)
        {
            var fake = new FakeCloud().WithTokens(1).WithComputeVersion(max);
            fake.Http.ForCallsTo(FlavorsUrl + "*").RespondWith(Fixture.Text("compute/flavors-detail.json"), 200, FakeCloud.JsonType);
            return fake;
        }

        private static async Task ListFlavorsAsync(CloudConnection cloud)
        {
            await foreach (var _ in cloud.Compute.ListFlavorsAsync(new FlavorListOptions())) { }
        }

        [Theory]
        [InlineData(null, "2.61")]
        [InlineData("2.50", "2.50")]
        [InlineData("2.61", "2.61")]
        public async Task The_cloud_is_asked_for_the_lower_of_the_wanted_and_its_highest_microversion(string? cloudMax, string expected)
        {
            using var fake = CloudWithMaxComputeVersion(cloudMax);
            using var cloud = fake.Connect();

            await ListFlavorsAsync(cloud);

            var call = Assert.Single(fake.CallsTo(FlavorsUrl));
            Assert.Equal("compute " + expected, FakeCloud.RequestHeader(call, "OpenStack-API-Version"));
            Assert.Equal(expected, FakeCloud.RequestHeader(call, "X-OpenStack-Nova-API-Version"));
        }

        [Fact]
        public async Task The_recorded_cloud_offers_2_1_to_2_93()
        {
            using var fake = CloudWithMaxComputeVersion(null);
            using var cloud = fake.Connect();

            var range = await cloud.GetMicroversionRangeAsync("compute", CancellationToken.None);

            Assert.Equal("2.1-2.93", range!.ToString());
        }

        [Fact]
        public async Task A_cloud_older_than_required_gives_MicroversionNotSupportedException_naming_both_versions()
        {
            using var fake = CloudWithMaxComputeVersion("2.50");
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<MicroversionNotSupportedException>(() =>
                cloud.NegotiateMicroversionAsync("compute", "2.60", "2.79", "Attaching a tagged volume", CancellationToken.None));

            Assert.Contains("2.60", ex.Message);
            Assert.Contains("2.50", ex.Message);
            Assert.Contains("Attaching a tagged volume", ex.Message);
            Assert.Equal("compute", ex.Service);
        }

        [Fact]
        public async Task The_version_document_is_read_once_per_connection()
        {
            using var fake = CloudWithMaxComputeVersion(null);
            using var cloud = fake.Connect();

            await ListFlavorsAsync(cloud);
            await ListFlavorsAsync(cloud);

            Assert.Single(fake.CallsTo(FakeCloud.ComputeVersionUrl), c => c.Request.Url.ToString() == FakeCloud.ComputeVersionUrl);
            Assert.Equal(2, fake.CallsTo(FlavorsUrl).Count);
        }
    }
}
