using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Set-OSImage's client side: one PATCH in Glance's json-patch media type with only what differs.</summary>
    public class ImageUpdateTests
    {
        private static readonly string Current = GlanceFake.ImageJson("active", extra: new Dictionary<string, object?>
        {
            ["name"] = "old", ["tags"] = new[] { "keep", "drop" }, ["os_distro"] = "cirros", ["owner_note"] = "x", ["a/b"] = "1",
        });

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud Glance()
        {
            var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(Current, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("PATCH").RespondWith(Current, 200, FakeCloud.JsonType);
            return fake;
        }

        [Fact]
        public async Task The_patch_has_Glances_media_type_and_one_operation_per_change()
        {
            using var fake = Glance();
            using var cloud = fake.Connect();
            {
                var update = new ImageUpdate { Name = "new", Visibility = "private" };   // visibility is already private
                update.AddTags.Add("added");
                update.RemoveTags.Add("drop");
                update.SetProperties["os_distro"] = "ubuntu";
                update.SetProperties["hw_disk_bus"] = "scsi";
                update.RemoveProperties.Add("a/b");
                update.RemoveProperties.Add("never-set");

                await cloud.Image.UpdateAsync(GlanceFake.ImageId, update, CancellationToken.None);

                var patch = fake.CallsTo(GlanceFake.ImageUrl).Single(c => c.Request.Verb.Method == "PATCH");
                Assert.Equal("application/openstack-images-v2.1-json-patch", patch.HttpRequestMessage.Content!.Headers.ContentType!.MediaType);
                var ops = JsonDocument.Parse(await patch.HttpRequestMessage.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                    .Select(o => $"{o.GetProperty("op").GetString()} {o.GetProperty("path").GetString()} {(o.TryGetProperty("value", out var v) ? v.GetRawText() : "")}".TrimEnd())
                    .ToList();
                Assert.Equal(new[]
                {
                    "replace /name \"new\"",
                    "replace /tags [\"keep\",\"added\"]",
                    "replace /os_distro \"ubuntu\"",
                    "add /hw_disk_bus \"scsi\"",
                    "remove /a~1b",
                }, ops);
            }
        }

        [Fact]
        public async Task An_update_that_changes_nothing_sends_no_patch()
        {
            using var fake = Glance();
            using var cloud = fake.Connect();
            {
                var update = new ImageUpdate { Name = "old" };
                update.AddTags.Add("keep");
                update.SetProperties["os_distro"] = "cirros";

                var image = await cloud.Image.UpdateAsync(GlanceFake.ImageId, update, CancellationToken.None);

                Assert.Equal("old", image.Name);
                Assert.DoesNotContain(fake.CallsTo(GlanceFake.ImageUrl), c => c.Request.Verb.Method == "PATCH");
            }
        }
    }
}
