using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>Nova's 403 to a member listing hypervisors names only the policy rule: the error must also say that the
    /// call needs the admin role, which roles the user has, and carry the request id to trace it.</summary>
    public class HypervisorRefusalTests
    {
        private const string HypervisorsUrl = FakeCloud.ComputeUrl + "/os-hypervisors";
        private static readonly RecordedResponse Nova403 = RecordedResponse.Load("errors/nova-403.json");

        [Fact]
        public async Task A_refused_hypervisor_list_names_the_policy_the_request_id_and_the_admin_role()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(HypervisorsUrl).RespondWith(Nova403.Body, Nova403.Status, Nova403.Headers.ToDictionary(h => h.Key, h => h.Value));
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);

            var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => cloud.SendAsync(
                new ServiceRequest(HttpMethod.Get, "compute", "/os-hypervisors") { RequiredRole = Hypervisor.Definition.RequiredRole }, CancellationToken.None));

            Assert.Contains("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.", ex.Message);
            Assert.Contains("req-da7ddd49-de0f-45f2-90ff-0f310c5f2fa4", ex.Message);
            Assert.Contains("This needs the 'admin' role; user 'demo' has the roles reader, member, heat_stack_owner on project 'demo'", ex.Message);
            Assert.Equal("admin", ex.RequiredRole);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("compute", ex.Service);
            Assert.Equal("req-da7ddd49-de0f-45f2-90ff-0f310c5f2fa4", ex.RequestId);
            Assert.Equal("Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.", ex.ServiceMessage);
        }
    }
}
