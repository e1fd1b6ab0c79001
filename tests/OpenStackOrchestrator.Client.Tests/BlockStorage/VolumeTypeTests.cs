using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.BlockStorage
{
    /// <summary>New-OSVolume -VolumeType resolves the type first, so that a typo is NameNotFound rather than
    /// Cinder's 404 from POST /volumes.</summary>
    public class VolumeTypeTests
    {
        private const string TypesUrl = CinderFake.Url + "/types";

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud Cinder()
        {
            var fake = CinderFake.Cloud();
            fake.Http.ForCallsTo(TypesUrl).RespondWith(Fixture.Text("block-storage/types.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(TypesUrl + "/*").RespondWith(Fixture.Text("errors/cinder-404.json"), 404, FakeCloud.JsonType);
            return fake;
        }

        [Fact]
        public async Task A_type_is_found_by_name_in_the_list_when_it_is_not_an_id()
        {
            using var fake = Cinder();
            using var cloud = fake.Connect();

            var type = await cloud.BlockStorage.ResolveVolumeTypeAsync("__DEFAULT__", CancellationToken.None);

            Assert.Equal("b177780a-fcb0-427a-8bef-fc66a7fda5a8", type.Id);
            Assert.True(type.IsPublic);
            Assert.Equal("Default Volume Type", type.Description);
        }

        [Fact]
        public async Task An_unknown_type_is_NameNotFound()
        {
            using var fake = Cinder();
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<NameNotFoundException>(() => cloud.BlockStorage.ResolveVolumeTypeAsync("no-such-type", CancellationToken.None));

            Assert.Equal("No volume type named 'no-such-type' was found.", ex.Message);
        }
    }
}
