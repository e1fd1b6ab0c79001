using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.Image;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>A server's Guest, as PowerCLI's VM.Guest: what Nova says, and the OS the image declares, read from Glance
    /// only when asked for and once per image per connection.</summary>
    public class ServerGuestTests
    {
        private const string ServerId = "cbd634ce-c327-48e7-83be-a4c55b9e83e7";
        private const string ServerUrl = FakeCloud.ComputeUrl + "/servers/" + ServerId;

        private static string Server(string status, string? hostName)
        {
            var server = JsonNode.Parse(Fixture.Text("compute/servers-detail.json"))!["servers"]![0]!.DeepClone();
            server["status"] = status;
            server["image"] = new JsonObject { ["id"] = GlanceFake.ImageId };
            if (hostName != null)
                server["OS-EXT-SRV-ATTR:hostname"] = hostName;
            return new JsonObject { ["server"] = server }.ToJsonString();
        }

        [Fact]
        public async Task The_guest_has_Novas_hostname_the_addresses_the_state_and_the_images_OS_read_once()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServerUrl).RespondWith(Server("ACTIVE", "web-host"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith(GlanceFake.ImageJson("active", extra: new Dictionary<string, object?>
            {
                ["os_distro"] = "ubuntu",
                ["os_version"] = "22.04",
                ["os_type"] = "linux",
            }), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var first = await cloud.Compute.GetServerAsync(ServerId, CancellationToken.None);
            var second = await cloud.Compute.GetServerAsync(ServerId, CancellationToken.None);
            Assert.Empty(fake.CallsTo(GlanceFake.ImageUrl));   // reading a server asks Glance nothing

            Assert.Equal("web-host", first.Guest.HostName);
            Assert.Equal(first.IPAddress, first.Guest.IPAddress);
            Assert.Equal("Running", first.Guest.State);
            Assert.Equal("ubuntu 22.04", first.Guest.OSFullName);
            Assert.Equal("ubuntu 22.04", second.Guest.OSFullName);
            Assert.Equal("oso-fixture-vm:ubuntu 22.04", second.Guest.ToString());
            Assert.Single(fake.CallsTo(GlanceFake.ImageUrl));
            Assert.False(first.ExtensionData.ContainsKey("OS-EXT-SRV-ATTR:hostname"));
        }

        [Fact]
        public async Task Without_Novas_hostname_the_guest_is_named_as_the_server_and_a_stopped_one_is_not_running()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServerUrl).RespondWith(Server("SHUTOFF", null), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(GlanceFake.ImageUrl).WithVerb("GET").RespondWith("{\"itemNotFound\": {\"message\": \"gone\"}}", 404, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var server = await cloud.Compute.GetServerAsync(ServerId, CancellationToken.None);

            Assert.Equal("oso-fixture-vm", server.Guest.HostName);
            Assert.Equal("NotRunning", server.Guest.State);
            Assert.Null(server.Guest.OSFullName);   // the image was deleted: nothing says what the guest runs
        }

        [Theory]
        [InlineData("ubuntu", "22.04", "linux", "ubuntu 22.04")]
        [InlineData(null, "2019", "windows", "windows 2019")]
        [InlineData("cirros", null, null, "cirros")]
        [InlineData(null, "1.0", null, null)]
        public void The_OS_name_is_the_distro_or_type_and_the_version(string? distro, string? version, string? type, string? expected)
        {
            var properties = new Dictionary<string, object?>();
            if (distro != null) properties["os_distro"] = distro;
            if (version != null) properties["os_version"] = version;
            if (type != null) properties["os_type"] = type;
            var json = GlanceFake.ImageJson("active", extra: properties);
            var image = System.Text.Json.JsonSerializer.Deserialize(json, Client.Images.ImagesJson.Default.Image)!;

            Assert.Equal(expected, Client.Images.ImageOSNames.Describe(image));
        }
    }
}
