using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Identity
{
    public class WrongPasswordTests
    {
        private static readonly RecordedResponse Keystone401 = RecordedResponse.Load("errors/keystone-401.json");

        private static FakeCloud RejectingKeystone()
        {
            var fake = new FakeCloud();
            fake.Http.ForCallsTo(FakeCloud.TokensUrl)
                .RespondWith(Keystone401.Body, Keystone401.Status, Keystone401.Headers.ToDictionary(h => h.Key, h => h.Value));
            return fake;
        }

        [Fact]
        public async Task A_wrong_password_gives_AuthenticationFailedException_with_keystones_message_and_request_id()
        {
            using var fake = RejectingKeystone();
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => cloud.ConnectAsync(CancellationToken.None));

            var requestId = Keystone401.Header("x-openstack-request-id");
            Assert.Equal(requestId, ex.RequestId);
            Assert.Contains(requestId!, ex.Message);
            Assert.Contains("The request you have made requires authentication.", ex.Message);
            Assert.Contains("'demo'", ex.Message);
            Assert.Contains(FakeCloud.AuthUrl, ex.Message);
            Assert.False(cloud.IsConnected);
        }

        [Fact]
        public async Task A_wrong_password_is_never_shown_in_the_error()
        {
            using var fake = RejectingKeystone();
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => cloud.ConnectAsync(CancellationToken.None));

            Assert.DoesNotContain(FakeCloud.Password, ex.ToString());
            Assert.DoesNotContain(FakeCloud.Password, ex.ServiceMessage ?? "");
        }

        [Fact]
        public async Task A_rejected_authentication_is_not_retried()
        {
            using var fake = RejectingKeystone();
            using var cloud = fake.Connect();

            await Assert.ThrowsAsync<AuthenticationFailedException>(() => cloud.ConnectAsync(CancellationToken.None));

            fake.Http.ShouldHaveCalled(FakeCloud.TokensUrl).Times(1);
        }
    }
}
