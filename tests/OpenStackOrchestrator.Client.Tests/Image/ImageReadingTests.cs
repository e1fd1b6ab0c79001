using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Image
{
    /// <summary>Images as the declared resource reads them: standard fields into properties, custom properties into
    /// Properties, and whatever no property models (a newer Glance's fields too) kept in ExtensionData.</summary>
    public class ImageReadingTests
    {
        private static readonly string NewerGlanceImage = GlanceFake.ImageJson("uploading_to_the_future", new byte[] { 1, 2, 3 }, extra: new Dictionary<string, object?>
        {
            ["os_distro"] = "cirros",
            ["hw_cpu_cores"] = 2,
            ["future_field"] = new Dictionary<string, object?> { ["nested"] = new[] { 1, 2 } },
        });

        [Fact]
        public async Task An_image_from_a_newer_Glance_reads_and_keeps_the_fields_no_property_models()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(NewerGlanceImage, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var image = await cloud.Image.GetAsync(GlanceFake.ImageId, CancellationToken.None);

            Assert.Equal(GlanceFake.ImageId, image.Id);
            Assert.Equal("oso-unit", image.Name);
            Assert.Equal("uploading_to_the_future", image.Status);
            Assert.Equal(3, image.SizeBytes);
            Assert.Equal("sha512", image.HashAlgorithm);
            Assert.Same(cloud, image.Cloud);
            Assert.Equal("cirros", image.ExtensionData["os_distro"]);
            Assert.Equal(2L, image.ExtensionData["hw_cpu_cores"]);
            var future = Assert.IsType<Dictionary<string, object?>>(image.ExtensionData["future_field"]);
            Assert.Equal(new object?[] { 1L, 2L }, Assert.IsType<object?[]>(future["nested"]));
            Assert.Equal("/v2/schemas/image", image.ExtensionData["schema"]);
            Assert.False(image.ExtensionData.ContainsKey("status"), "a modelled field is a property, not extension data");
            Assert.False(image.ExtensionData.ContainsKey("name"));
        }

        [Fact]
        public async Task Properties_are_the_custom_properties_as_text_without_Glances_own_fields()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(NewerGlanceImage, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var image = await cloud.Image.GetAsync(GlanceFake.ImageId, CancellationToken.None);

            Assert.Equal("cirros", image.Properties["os_distro"]);
            Assert.Equal("2", image.Properties["hw_cpu_cores"]);
            Assert.Equal("{\"nested\":[1,2]}", image.Properties["future_field"]);
            Assert.Equal(new[] { "future_field", "hw_cpu_cores", "os_distro" }, image.Properties.Keys.OrderBy(k => k));
        }

        [Fact]
        public async Task An_image_without_a_name_has_an_empty_name()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET")
                .RespondWith(GlanceFake.ImageJson("queued", extra: new Dictionary<string, object?> { ["name"] = null }), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var image = await cloud.Image.GetAsync(GlanceFake.ImageId, CancellationToken.None);

            Assert.Equal("", image.Name);
            Assert.Equal(GlanceFake.ImageId, image.ToString());
        }

        [Fact]
        public async Task Fields_an_answer_leaves_out_read_as_empty_not_null()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith("{\"id\": \"" + GlanceFake.ImageId + "\"}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var image = await cloud.Image.GetAsync(GlanceFake.ImageId, CancellationToken.None);

            Assert.Equal("", image.Name);
            Assert.Equal("", image.Status);
            Assert.Equal("", image.Visibility);
            Assert.Empty(image.Tags);
            Assert.Empty(image.Properties);
            Assert.Null(image.SizeBytes);
        }

        [Fact]
        public async Task A_listing_reads_each_image_with_its_unknown_fields()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImagesUrl + "*").RespondWith("{\"images\": [" + NewerGlanceImage + "], \"schema\": \"/v2/schemas/images\"}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var images = new List<Client.Images.Image>();
            await foreach (var item in cloud.Image.ListAsync(new ImageListOptions { Status = "ACTIVE", Visibility = "Private" }))
                images.Add(item);

            var image = Assert.Single(images);
            Assert.Equal("cirros", image.Properties["os_distro"]);
            Assert.Equal(2L, image.ExtensionData["hw_cpu_cores"]);
            var url = fake.CallsTo(GlanceFake.ImagesUrl).Single().Request.Url;
            Assert.Equal("private", url.QueryParams.FirstOrDefault("visibility"));
            Assert.Equal("active", url.QueryParams.FirstOrDefault("status"));
        }

        [Fact]
        public async Task A_create_sends_the_standard_fields_and_the_custom_properties_at_the_top_level()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(GlanceFake.ImagesUrl).WithVerb("POST").RespondWith(GlanceFake.ImageJson("queued"), 201, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var request = new ImageCreateRequest { Name = "oso-unit", DiskFormat = "qcow2", MinDiskGB = 1 };
            request.Tags.Add("t1");
            request.Properties["os_distro"] = "cirros";
            request.Properties["name"] = "not-this-one";
            request.Properties["visibility"] = "community";   // no -Visibility given: the property is sent

            var image = await cloud.Image.CreateAsync(request, CancellationToken.None);

            Assert.Equal("queued", image.Status);
            var call = fake.CallsTo(GlanceFake.ImagesUrl).Single(c => c.Request.Verb.Method == "POST");
            var body = JsonDocument.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement;
            Assert.Equal(new[] { "container_format", "disk_format", "min_disk", "name", "os_distro", "tags", "visibility" },
                body.EnumerateObject().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal("oso-unit", body.GetProperty("name").GetString());
            Assert.Equal("bare", body.GetProperty("container_format").GetString());
            Assert.Equal(1, body.GetProperty("min_disk").GetInt32());
            Assert.Equal("t1", body.GetProperty("tags")[0].GetString());
            Assert.Equal("cirros", body.GetProperty("os_distro").GetString());
            Assert.Equal("community", body.GetProperty("visibility").GetString());
        }
    }
}
