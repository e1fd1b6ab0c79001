using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Identity
{
    /// <summary>Keystone's and Nova's 403 name only the policy rule: the user must also read which role the call needs
    /// and which roles the token had, to ask the operator for the right one.</summary>
    public class PolicyRefusalTests
    {
        private const string RolesUrl = FakeCloud.AuthUrl + "/roles";
        private static readonly RecordedResponse Keystone403 = RecordedResponse.Load("errors/keystone-403.json");

        private static async Task<PermissionDeniedException> RefusedAsync(string? requiredRole)
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(RolesUrl).RespondWith(Keystone403.Body, 403, Keystone403.Headers.ToDictionary(h => h.Key, h => h.Value));
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            return await Assert.ThrowsAsync<PermissionDeniedException>(() =>
                cloud.SendAsync(new ServiceRequest(HttpMethod.Get, "identity", "/roles") { RequiredRole = requiredRole }, CancellationToken.None));
        }

        [Fact]
        public async Task A_refusal_names_the_policy_the_request_id_the_role_needed_and_the_users_roles()
        {
            var ex = await RefusedAsync("admin");

            Assert.Contains("You are not authorized to perform the requested action: identity:list_roles.", ex.Message);
            Assert.Contains("req-9cf16a5d-8330-4477-975d-f103edc0cdb4", ex.Message);
            Assert.Contains("This needs the 'admin' role; user 'demo' has the roles reader, member, heat_stack_owner on project 'demo'", ex.Message);
            Assert.Equal("admin", ex.RequiredRole);
            Assert.Equal(new[] { "reader", "member", "heat_stack_owner" }, ex.Roles);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("req-9cf16a5d-8330-4477-975d-f103edc0cdb4", ex.RequestId);
            Assert.Equal("PermissionDenied", ex.ErrorId);
        }

        [Fact]
        public async Task Without_a_known_role_it_still_names_the_users_roles()
        {
            var ex = await RefusedAsync(null);

            Assert.DoesNotContain("This needs", ex.Message);
            Assert.Contains(") User 'demo' has the roles reader, member, heat_stack_owner on project 'demo'", ex.Message);
            Assert.Null(ex.RequiredRole);
        }
    }
}
