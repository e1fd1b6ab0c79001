using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>Nova's answers read into the declared models: what a newer Nova adds is kept in ExtensionData, values
    /// this version does not know stay readable, and Nova's quirks (times without a zone, "swap": "", "image": "")
    /// read as they mean.</summary>
    public class NovaAnswerTests
    {
        private const string ServerId = "cbd634ce-c327-48e7-83be-a4c55b9e83e7";
        private const string ServerUrl = FakeCloud.ComputeUrl + "/servers/" + ServerId;

        /// <summary>The recorded server (see Fixtures/README.md) with some of its fields changed.</summary>
        private static string RecordedServer(Action<JsonNode> change)
        {
            var server = JsonNode.Parse(Fixture.Text("compute/servers-detail.json"))!["servers"]![0]!.DeepClone();
            change(server);
            return new JsonObject { ["server"] = server }.ToJsonString();
        }

        private static FakeCloud Nova() => new FakeCloud().WithTokens(1).WithComputeVersion();

        [Fact]
        public async Task A_server_from_a_newer_Nova_reads_with_its_unknown_status_and_keeps_its_unknown_fields()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(ServerUrl).RespondWith(RecordedServer(s =>
            {
                s["status"] = "HIBERNATED";
                s["OS-EXT-STS:power_state"] = 4;
                s["pinned_availability_zone"] = "zone-b";
                s["scheduler_hints"] = new JsonObject { ["group"] = "g1" };
            }), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var server = await cloud.Compute.GetServerAsync(ServerId, CancellationToken.None);

            Assert.Equal("HIBERNATED", server.Status);
            Assert.Equal("PoweredOff", server.PowerState);   // the power state code still says what Nova's new status means
            Assert.Equal("zone-b", server.ExtensionData["pinned_availability_zone"]);
            Assert.Equal("g1", ((System.Collections.IDictionary)server.ExtensionData["scheduler_hints"]!)["group"]);
            Assert.Equal("oso-fixture-vm", server.Name);
            Assert.Equal(new[] { "10.77.0.108" }, server.IPAddress);
            Assert.Equal(1, server.NumCpu);
            Assert.Equal(0.5, server.MemoryGB);
            Assert.Equal("compute 2.47", FakeCloud.RequestHeader(fake.CallsTo(ServerUrl)[0], "OpenStack-API-Version"));
            foreach (var modelled in new[] { "id", "name", "status", "flavor", "addresses", "image", "OS-EXT-STS:power_state", "metadata", "created", "locked" })
                Assert.False(server.ExtensionData.ContainsKey(modelled), modelled + " is a property, not an extension");
            Assert.Equal(false, server.Locked);   // Nova's locked (2.9+), modelled since Lock-OSServer
        }

        [Fact]
        public async Task A_server_booted_from_a_volume_has_no_image_and_an_ERROR_server_its_fault_message()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(ServerUrl).RespondWith(RecordedServer(s =>
            {
                s["status"] = "ERROR";
                s["image"] = "";
                s["fault"] = new JsonObject { ["code"] = 500, ["created"] = "2026-11-24T09:16:00Z", ["message"] = "No valid host was found." };
            }), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var server = await cloud.Compute.GetServerAsync(ServerId, CancellationToken.None);

            Assert.Null(server.ImageId);
            Assert.Equal("No valid host was found.", server.FaultMessage);
            Assert.Equal("m1.tiny", server.Flavor);
            Assert.Equal(new DateTime(2026, 11, 24, 9, 15, 8, DateTimeKind.Utc), server.Created);
        }

        [Fact]
        public async Task A_key_pair_time_without_a_zone_is_UTC_and_its_numeric_id_stays_an_extension()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/os-keypairs/k1").RespondWith(@"{""keypair"": {""id"": 7, ""name"": ""k1"", ""type"": ""ssh"",
                ""user_id"": ""u1"", ""fingerprint"": ""aa:bb"", ""public_key"": ""ssh-rsa AAAA"", ""created_at"": ""2026-11-24T09:15:08.000000"",
                ""deleted"": false, ""deleted_at"": null, ""updated_at"": null}}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var keyPair = await cloud.Compute.GetKeyPairAsync("k1", CancellationToken.None);

            Assert.Equal(DateTimeKind.Utc, keyPair.Created!.Value.Kind);
            Assert.Equal(new DateTime(2026, 11, 24, 9, 15, 8, DateTimeKind.Utc), keyPair.Created);
            Assert.Equal("k1", keyPair.Id);
            Assert.Equal(7L, keyPair.ExtensionData["id"]);
            Assert.False(keyPair.ExtensionData.ContainsKey("created_at"));
        }

        [Fact]
        public async Task Recorded_flavors_read_with_Novas_empty_swap_as_no_swap()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/flavors/detail*").RespondWith(Fixture.Text("compute/flavors-detail.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var tiny = (await NameResolver.ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions()))).First(f => f.Name == "m1.tiny");

            Assert.Equal(0, tiny.SwapMB);
            Assert.Equal(512, tiny.MemoryMB);
            Assert.Equal(1, tiny.VCpus);
            Assert.True(tiny.IsPublic);
            Assert.Empty(tiny.ExtraSpecs);
            Assert.Equal(1.0, tiny.ExtensionData["rxtx_factor"]);
            Assert.False(tiny.ExtensionData.ContainsKey("swap"));
        }

        [Fact]
        public async Task A_zone_is_known_by_its_name_and_keeps_the_services_of_its_hosts_in_ExtensionData()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/os-availability-zone").RespondWith(@"{""availabilityZoneInfo"": [{""zoneName"": ""nova"",
                ""zoneState"": {""available"": true}, ""hosts"": {""node-b"": {""nova-compute"": {""active"": true}}, ""node-a"": {}}}]}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var zone = Assert.Single(await NameResolver.ToListAsync(cloud.Compute.ListAvailabilityZonesAsync()));

            Assert.Equal(("nova", "nova", true), (zone.Name, zone.Id, zone.Available));
            Assert.Equal(new[] { "node-a", "node-b" }, zone.Hosts);
            var hosts = (System.Collections.IDictionary)zone.ExtensionData["hosts"]!;
            Assert.True(hosts.Contains("node-b"));
            Assert.False(zone.ExtensionData.ContainsKey("zoneName"));
        }

        [Fact]
        public async Task Listing_filters_are_sent_as_Nova_names_them()
        {
            using var fake = Nova();
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/servers/detail*").RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/flavors/detail*").RespondWith("{\"flavors\": []}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            await NameResolver.ToListAsync(cloud.Compute.ListServersAsync(new ServerListOptions { NameRegex = "^web$", Status = "active", AllProjects = true, Limit = 5 }));
            await NameResolver.ToListAsync(cloud.Compute.ListFlavorsAsync(new FlavorListOptions { MinMemoryMB = 1024, IncludePrivate = true }));

            var servers = fake.CallsTo(FakeCloud.ComputeUrl + "/servers/detail").Single().Request.Url;
            Assert.Equal("^web$", servers.QueryParams.FirstOrDefault("name"));
            Assert.Equal("ACTIVE", servers.QueryParams.FirstOrDefault("status"));
            Assert.Equal("True", servers.QueryParams.FirstOrDefault("all_tenants"));
            Assert.Equal("5", servers.QueryParams.FirstOrDefault("limit"));
            var flavors = fake.CallsTo(FakeCloud.ComputeUrl + "/flavors/detail").Single().Request.Url;
            Assert.Equal("1024", flavors.QueryParams.FirstOrDefault("minRam"));
            Assert.Equal("None", flavors.QueryParams.FirstOrDefault("is_public"));
        }
    }
}
