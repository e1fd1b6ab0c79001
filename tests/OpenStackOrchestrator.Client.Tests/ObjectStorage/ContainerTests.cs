using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.ObjectStorage
{
    /// <summary>Containers: the public read ACL, metadata headers, and Swift's refusal to delete a container with objects.</summary>
    public class ContainerTests
    {
        private const string Conflict = "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>";

        [Fact]
        public async Task Deleting_a_container_with_objects_is_ContainerNotEmpty_with_Swifts_message_and_request_id()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("full")).WithVerb("DELETE").RespondWith(Conflict, 409,
                new System.Collections.Generic.Dictionary<string, string> { ["X-Trans-Id"] = "tx4f9143", ["Content-Type"] = "text/html; charset=UTF-8" });
            using var cloud = await SwiftFake.ConnectAsync(fake);

            var ex = await Assert.ThrowsAsync<ContainerNotEmptyException>(() => cloud.ObjectStorage.DeleteContainerAsync("full", CancellationToken.None));

            Assert.Equal(409, ex.StatusCode);
            Assert.Equal("tx4f9143", ex.RequestId);
            Assert.Contains("There was a conflict when trying to complete your request.", ex.Message);
            Assert.Equal("ContainerNotEmpty", ex.ErrorId);
        }

        [Fact]
        public async Task Making_a_container_public_adds_the_public_entries_and_keeps_the_others()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(SwiftFake.Url("site")).WithVerb("HEAD")
                .RespondWith("", 204, SwiftFake.Headers(("X-Container-Read", "demo:alice")))
                .RespondWith("", 204, SwiftFake.Headers(("X-Container-Read", "demo:alice,.r:*,.rlistings"), ("X-Container-Meta-Owner", "web")));
            fake.Http.ForCallsTo(SwiftFake.Url("site")).WithVerb("POST").RespondWith("", 204, SwiftFake.Headers());
            using var cloud = await SwiftFake.ConnectAsync(fake);
            var update = new ContainerUpdate { Public = true };
            update.SetMetadata["Owner"] = "web";
            update.RemoveMetadata.Add("Stale");

            var container = await cloud.ObjectStorage.UpdateContainerAsync("site", update, CancellationToken.None);

            var post = fake.CallsTo(SwiftFake.Url("site")).Single(c => c.Request.Verb == HttpMethod.Post);
            Assert.Equal("demo:alice,.r:*,.rlistings", FakeCloud.RequestHeader(post, "X-Container-Read"));
            Assert.Equal("web", FakeCloud.RequestHeader(post, "X-Container-Meta-Owner"));
            Assert.Equal("x", FakeCloud.RequestHeader(post, "X-Remove-Container-Meta-Stale"));
            Assert.True(container.IsPublic);
            Assert.Equal("web", container.Metadata["owner"]);
        }

        [Fact]
        public void Making_a_container_private_takes_out_only_the_public_entries() =>
            Assert.Equal("demo:alice", ObjectStorageClient.ReadAcl("demo:alice,.r:*,.rlistings", isPublic: false));

        [Fact]
        public async Task Metadata_Swift_cannot_carry_is_refused_before_anything_is_sent()
        {
            using var fake = new FakeCloud().WithTokens(1);
            using var cloud = await SwiftFake.ConnectAsync(fake);
            var update = new ContainerUpdate();
            update.SetMetadata["bad key"] = "x";

            await Assert.ThrowsAsync<System.ArgumentException>(() => cloud.ObjectStorage.UpdateContainerAsync("site", update, CancellationToken.None));

            fake.Http.ShouldNotHaveCalled(SwiftFake.Url("site"));
        }
    }
}
