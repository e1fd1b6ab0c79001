using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class InvalidJsonTests
    {
        private const string FlavorsUrl = FakeCloud.ComputeUrl + "/flavors/detail";

        private static async Task<InvalidResponseException> ListFlavorsAnswered(string body)
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(FlavorsUrl + "*").RespondWith(body, 200, new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["x-openstack-request-id"] = "req-truncated",
            });
            using var cloud = fake.Connect();

            return await Assert.ThrowsAsync<InvalidResponseException>(async () =>
            {
                await foreach (var _ in cloud.Compute.ListFlavorsAsync(new FlavorListOptions())) { }
            });
        }

        [Fact]
        public async Task A_truncated_body_gives_InvalidResponseException_naming_the_url()
        {
            var recorded = Fixture.Text("compute/flavors-detail.json");

            var ex = await ListFlavorsAnswered(recorded.Substring(0, recorded.Length / 2));

            Assert.Contains(FlavorsUrl, ex.Message);
            Assert.Contains("truncated", ex.Message);
            Assert.Equal("req-truncated", ex.RequestId);
            Assert.Equal(200, ex.StatusCode);
        }

        [Fact]
        public async Task An_html_page_instead_of_json_gives_InvalidResponseException()
        {
            await ListFlavorsAnswered("<html><body><h1>Welcome to nginx!</h1></body></html>");
        }

        [Fact]
        public async Task Json_without_the_expected_list_gives_InvalidResponseException_naming_the_key()
        {
            var ex = await ListFlavorsAnswered("{\"servers\": []}");

            Assert.Contains("'flavors'", ex.Message);
        }
    }
}
