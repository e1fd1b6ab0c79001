using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Quota
{
    /// <summary>Nova's quota set through the shared quota reader (Cinder's is in VolumeModelTests).</summary>
    public class ComputeQuotaTests
    {
        private const string ProjectId = "165212a519914e96bcc22f8bf4cae8fc";
        private const string QuotaUrl = FakeCloud.ComputeUrl + "/os-quota-sets/" + ProjectId + "/detail";

        [Fact]
        public async Task Nova_quotas_are_compute_rows_read_at_2_57_without_the_id()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(QuotaUrl).RespondWith(@"{""quota_set"": {""id"": """ + ProjectId + @""",
                ""cores"": {""limit"": 20, ""in_use"": 3, ""reserved"": 1}, ""instances"": {""limit"": -1, ""in_use"": 2, ""reserved"": 0},
                ""server_groups"": {""limit"": 10, ""in_use"": 0, ""reserved"": 0}}}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var rows = await cloud.Compute.GetQuotaUsageAsync(ProjectId, CancellationToken.None);

            Assert.Equal(new[] { "cores", "instances", "server_groups" }, rows.Select(r => r.Resource));
            var cores = rows[0];
            Assert.Equal(("compute", 20L, 3L, 1L, 16L), (cores.Service, cores.Limit, cores.InUse, cores.Reserved, cores.Remaining!.Value));
            Assert.True(rows[1].IsUnlimited);
            Assert.Equal("compute 2.57", FakeCloud.RequestHeader(Assert.Single(fake.CallsTo(QuotaUrl)), "OpenStack-API-Version"));
        }
    }
}
