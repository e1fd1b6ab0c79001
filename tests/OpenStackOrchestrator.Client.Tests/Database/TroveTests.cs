using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Database
{
    /// <summary>Trove as HttpTest plays it, from the bodies recorded from the local cloud's Trove 18 (Fixtures/database):
    /// an instance in BUILD (no guest agent runs there), its 422s, datastores and a configuration group.</summary>
    public class TroveTests
    {
        private const string ProjectId = "165212a519914e96bcc22f8bf4cae8fc";
        private const string Url = "http://127.0.0.1:8779/v1.0/" + ProjectId;
        private const string InstanceId = "fb857a63-0aa0-4550-b5e3-66f8c8a765a7";

        // Not async: HttpTest lives in an AsyncLocal, which an async helper would not hand back to the test.
        private static FakeCloud Trove()
        {
            var fake = new FakeCloud();
            var body = JsonNode.Parse(FakeCloud.TokenBody())!;
            body["token"]!["catalog"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "database",
                ["name"] = "trove",
                ["id"] = "22c013f3160b44258ad95138f5d541d0",
                ["endpoints"] = new JsonArray(new JsonObject
                {
                    ["id"] = "e1", ["interface"] = "public", ["region"] = "RegionOne", ["region_id"] = "RegionOne", ["url"] = Url,
                }),
            });
            fake.Http.ForCallsTo(FakeCloud.TokensUrl).WithVerb("POST").RespondWith(body.ToJsonString(), 201,
                new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Subject-Token"] = "token-1" });
            return fake;
        }

        private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
        {
            var list = new List<T>();
            await foreach (var item in items)
                list.Add(item);
            return list;
        }

        [Fact]
        public async Task Datastores_come_with_their_versions_and_the_default_one()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/datastores").RespondWith(Fixture.Text("database/datastores.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var all = await All(cloud.ListResourcesAsync(DatabaseDatastore.Definition));

            var mysql = Assert.Single(all);
            Assert.Equal("mysql", mysql.Name);
            Assert.Equal("8.0", Assert.Single(mysql.Versions).Name);
            Assert.Equal("a6d27ea2-6c8c-430c-89c5-d592ff914fc6", mysql.DefaultVersionId);
            Assert.Equal("8.0", mysql.DefaultVersionName);
        }

        [Fact]
        public async Task An_instance_in_BUILD_is_read_with_its_flavor_datastore_and_volume()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId).RespondWith(Fixture.Text("database/instance-build.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var instance = await cloud.GetResourceAsync(DatabaseInstance.Definition, InstanceId, CancellationToken.None);

            Assert.Equal("oso-rec-db", instance.Name);
            Assert.Equal("BUILD", instance.Status);
            Assert.Equal("1", instance.FlavorId);
            Assert.Equal("mysql", instance.Datastore);
            Assert.Equal("8.0", instance.DatastoreVersion);
            Assert.Equal(1, instance.SizeGB);
            Assert.Null(instance.Fault);
        }

        [Fact]
        public async Task Create_sends_the_flavor_volume_datastore_networks_databases_and_users()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances").WithVerb("POST").RespondWith(Fixture.Text("database/instance-created.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var created = await TroveClient.CreateInstanceAsync(cloud, new DatabaseInstanceRequest
            {
                Name = "oso-rec-db", FlavorId = "1", SizeGB = 3, Datastore = "mysql", DatastoreVersion = "8.0",
                NetworkIds = new[] { "net-1" }, Databases = new[] { "app" }, Users = new[] { new KeyValuePair<string, string>("u", "p") },
            }, CancellationToken.None);

            Assert.Equal(InstanceId, created.Id);
            var body = JsonDocument.Parse(fake.Http.CallLog.Single(c => c.Request.Verb == HttpMethod.Post && c.Request.Url.ToString() == Url + "/instances").HttpRequestMessage.Content!.ReadAsStringAsync().Result).RootElement.GetProperty("instance");
            Assert.Equal("1", body.GetProperty("flavorRef").GetString());
            Assert.Equal(3, body.GetProperty("volume").GetProperty("size").GetInt32());
            Assert.Equal("mysql", body.GetProperty("datastore").GetProperty("type").GetString());
            Assert.Equal("8.0", body.GetProperty("datastore").GetProperty("version").GetString());
            Assert.Equal("net-1", body.GetProperty("nics")[0].GetProperty("net-id").GetString());
            Assert.Equal("app", body.GetProperty("databases")[0].GetProperty("name").GetString());
            var user = body.GetProperty("users")[0];
            Assert.Equal("u", user.GetProperty("name").GetString());
            Assert.Equal("app", user.GetProperty("databases")[0].GetProperty("name").GetString());
        }

        [Fact]
        public async Task Waiting_for_an_instance_that_stays_BUILD_ends_in_a_timeout_naming_it_and_its_status()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId).RespondWith(Fixture.Text("database/instance-build.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var seen = new List<string>();
            var previous = TroveClient.PollInterval;
            TroveClient.PollInterval = TimeSpan.FromMilliseconds(20);
            try
            {
                var ex = await Assert.ThrowsAsync<DatabaseInstanceTimeoutException>(() =>
                    TroveClient.WaitForInstanceActiveAsync(cloud, InstanceId, TimeSpan.FromMilliseconds(200), i => seen.Add(i.Status), CancellationToken.None));

                Assert.Equal("BUILD", ex.Status);
                Assert.Equal("DatabaseInstanceTimeout", ex.ErrorId);
                Assert.Contains("'oso-rec-db'", ex.Message);
                Assert.Contains(InstanceId, ex.Message);
                Assert.Contains("still BUILD", ex.Message);
                Assert.True(seen.Count >= 2, "the instance is read more than once");
            }
            finally
            {
                TroveClient.PollInterval = previous;
            }
        }

        [Fact]
        public async Task An_ERROR_instance_fails_the_wait_with_its_fault()
        {
            using var fake = Trove();
            var body = JsonNode.Parse(Fixture.Text("database/instance-build.json"))!;
            body["instance"]!["status"] = "ERROR";
            body["instance"]!["fault"] = new JsonObject { ["message"] = "Failed to create server" };
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId).RespondWith(body.ToJsonString(), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<DatabaseInstanceFailedException>(() =>
                TroveClient.WaitForInstanceActiveAsync(cloud, InstanceId, TimeSpan.FromSeconds(5), null, CancellationToken.None));

            Assert.Contains("Failed to create server", ex.Message);
        }

        [Fact]
        public async Task A_guest_agent_call_on_a_BUILD_instance_is_DatabaseInstanceNotReady_with_Troves_message()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId + "/databases").RespondWith(Fixture.Text("database/databases-422.json"), 422, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<DatabaseInstanceNotReadyException>(() => TroveClient.ListDatabasesAsync(cloud, InstanceId, CancellationToken.None));

            Assert.Equal("DatabaseInstanceNotReady", ex.ErrorId);
            Assert.Equal(422, ex.StatusCode);
            Assert.Equal(InstanceId, ex.InstanceId);
            Assert.Contains("is not ready, status: new.", ex.Message);
            Assert.Equal("Instance " + InstanceId + " is not ready, status: new.", ex.ServiceMessage);
        }

        [Fact]
        public async Task Force_delete_resets_the_status_before_the_delete()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId + "/action").WithVerb("POST").RespondWith("", 202);
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId).WithVerb("DELETE").RespondWith("", 202);
            using var cloud = fake.Connect();

            await TroveClient.DeleteInstanceAsync(cloud, InstanceId, force: true, CancellationToken.None);

            var calls = fake.Http.CallLog.Where(c => c.Request.Url.ToString().StartsWith(Url + "/instances/")).ToList();
            Assert.Equal(2, calls.Count);
            Assert.Equal(HttpMethod.Post, calls[0].Request.Verb);
            Assert.True(JsonDocument.Parse(calls[0].HttpRequestMessage.Content!.ReadAsStringAsync().Result).RootElement.GetProperty("reset_status").GetProperty("force_delete").GetBoolean());
            Assert.Equal(HttpMethod.Delete, calls[1].Request.Verb);
        }

        [Fact]
        public async Task A_refused_delete_of_a_BUILD_instance_is_DatabaseInstanceNotReady()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/instances/" + InstanceId).WithVerb("DELETE").RespondWith(Fixture.Text("database/delete-422.json"), 422, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var ex = await Assert.ThrowsAsync<DatabaseInstanceNotReadyException>(() => TroveClient.DeleteInstanceAsync(cloud, InstanceId, false, CancellationToken.None));

            Assert.Contains("(Status is BUILD)", ex.Message);
        }

        [Fact]
        public async Task A_configuration_group_keeps_its_values_typed_and_create_sends_numbers()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/configurations").WithVerb("POST").RespondWith(Fixture.Text("database/configuration-created.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var config = await TroveClient.CreateConfigurationAsync(cloud, "oso-rec-cfg", "recorded", "mysql", "8.0",
                new Dictionary<string, object?> { ["max_connections"] = 50 }, CancellationToken.None);

            Assert.Equal("mysql", config.Datastore);
            Assert.Equal("8.0", config.DatastoreVersion);
            Assert.Equal(50L, Convert.ToInt64(config.Values["max_connections"]));
            var body = JsonDocument.Parse(fake.Http.CallLog.Single(c => c.Request.Verb == HttpMethod.Post && c.Request.Url.ToString() == Url + "/configurations").HttpRequestMessage.Content!.ReadAsStringAsync().Result)
                .RootElement.GetProperty("configuration");
            Assert.Equal(JsonValueKind.Number, body.GetProperty("values").GetProperty("max_connections").ValueKind);
            Assert.Equal("mysql", body.GetProperty("datastore").GetProperty("type").GetString());
        }

        [Fact]
        public async Task Listed_configuration_groups_have_no_values()
        {
            using var fake = Trove();
            fake.Http.ForCallsTo(Url + "/configurations").RespondWith(Fixture.Text("database/configurations.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var config = Assert.Single(await All(cloud.ListResourcesAsync(DatabaseConfiguration.Definition)));

            Assert.Equal("oso-rec-cfg", config.Name);
            Assert.Empty(config.Values);
        }
    }
}
