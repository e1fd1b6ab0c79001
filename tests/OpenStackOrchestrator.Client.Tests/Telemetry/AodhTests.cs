using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Telemetry
{
    /// <summary>Aodh alarms through the resource model, replaying answers recorded from the local cloud (Fixtures/alarming,
    /// see Fixtures/README.md): bare-array lists, alarm_id as the id, q.field/q.op/q.value filters, limit/marker paging,
    /// unwrapped create bodies, the whole-alarm PUT, the state API, the history and Aodh's error bodies.</summary>
    public class AodhTests
    {
        private const string AodhUrl = "http://127.0.0.1:8042";
        private const string AlarmsUrl = AodhUrl + "/v2/alarms";
        private const string HighId = "70db7714-af31-4a16-aa20-a160a62615fb";
        private const string AggregationId = "7695a4e8-fb69-44af-b709-9a5793b5e757";
        private const string CompositeId = "68f39349-820a-480b-afcc-21bbe6de350a";

        /// <summary>The recorded token with the catalog entry Aodh has on the local cloud (the token was recorded before
        /// Aodh was in the catalog).</summary>
        private static FakeCloud Aodh()
        {
            var fake = new FakeCloud();
            var body = JsonNode.Parse(FakeCloud.TokenBody())!;
            var endpoints = new JsonArray();
            foreach (var face in new[] { "public", "internal", "admin" })
                endpoints.Add(new JsonObject { ["id"] = "aodh-" + face, ["interface"] = face, ["region_id"] = "RegionOne", ["region"] = "RegionOne", ["url"] = AodhUrl });
            body["token"]!["catalog"]!.AsArray().Add(new JsonObject { ["endpoints"] = endpoints, ["id"] = "1bcedaa7891e482f9bcad030caa4e8b8", ["type"] = "alarming", ["name"] = "aodh" });
            fake.Http.ForCallsTo(FakeCloud.TokensUrl).WithVerb("POST").RespondWith(body.ToJsonString(), 201,
                new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Subject-Token"] = "token-1" });
            return fake;
        }

        private static string Text(string name) => Fixture.Text("alarming/" + name);

        private static List<Flurl.Http.FlurlCall> Calls(FakeCloud fake, string verb) =>
            fake.CallsTo(AlarmsUrl).Where(c => c.HttpRequestMessage.Method.Method == verb).ToList();

        private static Task<string> BodyOf(Flurl.Http.FlurlCall call) => call.HttpRequestMessage.Content!.ReadAsStringAsync();

        private static async Task<List<Alarm>> List(Client.CloudConnection cloud, ListQuery query)
        {
            var result = new List<Alarm>();
            await foreach (var alarm in cloud.ListResourcesAsync(Alarm.Definition, query, CancellationToken.None))
                result.Add(alarm);
            return result;
        }

        [Fact]
        public async Task A_list_is_a_bare_array_read_with_alarm_id_as_the_id_and_each_type_s_rule()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl).WithVerb("GET").RespondWith(Text("alarms.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var alarms = await List(cloud, new ListQuery());

            Assert.Equal(new[] { CompositeId, AggregationId, HighId }, alarms.Select(a => a.Id));
            var high = alarms.Single(a => a.Name == "oso-fixture-high");
            Assert.Equal("alarm", high.State);
            Assert.Equal("critical", high.Severity);
            Assert.Equal(Alarm.ResourcesThreshold, high.Type);
            Assert.Equal(70, high.Threshold);
            Assert.Equal("load", high.Rule!.Metric);
            Assert.Equal(60, high.Rule.Granularity);
            Assert.Equal(new[] { "http://127.0.0.1:9/oso-fixture" }, high.AlarmActions);
            Assert.False(high.ExtensionData.ContainsKey("alarm_id"), "alarm_id is the Id");
            Assert.False(high.ExtensionData.ContainsKey("gnocchi_resources_threshold_rule"), "the rule is modelled");

            var aggregation = alarms.Single(a => a.Id == AggregationId);
            Assert.Equal(Alarm.AggregationByResourcesThreshold, aggregation.Type);
            Assert.Equal("lt", aggregation.Rule!.ComparisonOperator);
            Assert.Contains("created_by_project_id", aggregation.Rule.Query);   // Aodh ANDs the member's project into the query

            var composite = alarms.Single(a => a.Id == CompositeId);
            Assert.Null(composite.Rule);
            Assert.Null(composite.Threshold);
            var rule = Assert.IsAssignableFrom<IDictionary<string, object?>>(composite.CompositeRule);
            Assert.Single(Assert.IsType<object?[]>(rule["or"]));
            Assert.Equal("ok", aggregation.State);
        }

        [Fact]
        public async Task Filters_and_the_exact_name_go_as_query_expressions_never_as_key_value()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl).WithVerb("GET").RespondWith(Text("alarms-state-alarm.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            await List(cloud, new ListQuery { Name = "oso-fixture-high" }.Filter("State", Alarm.StateValue("insufficient_data")).Filter("Severity", "critical"));

            var query = Calls(fake, "GET").Single().Request.Url.Query;
            Assert.Equal("q.field=state&q.op=eq&q.value=insufficient%20data&q.field=severity&q.op=eq&q.value=critical&q.field=name&q.op=eq&q.value=oso-fixture-high", query);
            Assert.DoesNotContain("name=oso", query.Replace("q.value=oso", ""));
        }

        [Fact]
        public void Query_expressions_are_a_declaration_of_the_resource_model_not_a_special_case()
        {
            Assert.True(Alarm.Definition.QueryExpressionFilters);
            Assert.Equal("", Alarm.Definition.CollectionKey);
            Assert.True(Alarm.Definition.Unwrapped);
            Assert.Equal(PagingStyle.Marker, Alarm.Definition.Paging);
            Assert.Equal("alarming", Alarm.Definition.ServiceType);
            Assert.Equal("alarming", Client.Identity.ServiceTypes.Canonical("alarming"));
        }

        [Fact]
        public async Task Pages_follow_the_last_alarm_id_as_marker_until_a_short_page()
        {
            using var fake = Aodh();
            // The more specific setup first: Flurl answers with the first that matches.
            fake.Http.ForCallsTo(AlarmsUrl + "?limit=2&marker=" + AggregationId).WithVerb("GET").RespondWith(Text("alarms-page2.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(AlarmsUrl + "?limit=2").WithVerb("GET").RespondWith(Text("alarms-page1.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var alarms = await List(cloud, new ListQuery { PageSize = 2 });

            Assert.Equal(new[] { CompositeId, AggregationId, HighId }, alarms.Select(a => a.Id));
            Assert.Equal(2, Calls(fake, "GET").Count);   // the second page has 1 of 2: the end, no third request
        }

        [Fact]
        public async Task A_name_resolves_after_the_id_lookup_answers_404()
        {
            using var fake = Aodh();
            var missing = RecordedResponse.Load("alarming/alarm-not-found.json");
            fake.Http.ForCallsTo(AlarmsUrl + "/oso-fixture-high").RespondWith(missing.Body, missing.Status, missing.Headers);
            fake.Http.ForCallsTo(AlarmsUrl + "?*").WithVerb("GET").RespondWith("[" + Text("alarm.json") + "]", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var alarm = await cloud.ResolveResourceAsync(Alarm.Definition, "oso-fixture-high", CancellationToken.None);

            Assert.Equal(HighId, alarm.Id);
            Assert.Contains(Calls(fake, "GET"), c => c.Request.Url.Query == "q.field=name&q.op=eq&q.value=oso-fixture-high");
        }

        [Fact]
        public async Task A_new_alarm_is_posted_unwrapped_with_its_type_s_rule()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl).WithVerb("POST").RespondWith(Text("alarm-create.json"), 201, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var alarm = await Alarm.CreateAsync(cloud, new AlarmSpec
            {
                Name = "oso-fixture-high", Type = Alarm.ResourcesThreshold, Metric = "load", ResourceId = "r1", ResourceType = "generic", Threshold = 70,
                ComparisonOperator = "gt", Aggregation = "mean", Granularity = 60, EvaluationPeriods = 1, AlarmActions = new[] { "http://127.0.0.1:9/oso-fixture" },
                Severity = "critical",
            }, CancellationToken.None);

            Assert.Equal("insufficient data", alarm.State);
            Assert.Equal(HighId, alarm.Id);
            var body = JsonDocument.Parse(await BodyOf(Calls(fake, "POST").Single())).RootElement;
            Assert.False(body.TryGetProperty("alarm", out _), "Aodh takes the alarm unwrapped");
            Assert.Equal("oso-fixture-high", body.GetProperty("name").GetString());
            Assert.Equal("critical", body.GetProperty("severity").GetString());
            var rule = body.GetProperty("gnocchi_resources_threshold_rule");
            Assert.Equal(70, rule.GetProperty("threshold").GetDouble());
            Assert.Equal("mean", rule.GetProperty("aggregation_method").GetString());
            Assert.Equal("r1", rule.GetProperty("resource_id").GetString());
            Assert.False(body.TryGetProperty("composite_rule", out _));
        }

        [Fact]
        public void A_composite_spec_sends_the_rule_tree_and_no_threshold_rule()
        {
            var body = new AlarmSpec { Name = "c", Type = Alarm.Composite, CompositeRule = "{\"or\": [{\"type\": \"gnocchi_resources_threshold\"}]}" }.ToJson();
            Assert.Equal("gnocchi_resources_threshold", (string?)body["composite_rule"]!["or"]![0]!["type"]);
            Assert.Null(body["composite_rule_rule"]);
            Assert.Equal(new[] { "name", "type", "composite_rule" }, body.Select(p => p.Key));
        }

        [Fact]
        public async Task An_update_puts_the_whole_alarm_back_with_only_the_changes_and_without_the_times_aodh_sets()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId).WithVerb("GET").RespondWith(Text("alarm.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId).WithVerb("PUT").RespondWith(Text("alarm.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            await Alarm.UpdateAsync(cloud, HighId, (alarm, rule) =>
            {
                rule!["threshold"] = 95.0;
                alarm["enabled"] = false;
            }, CancellationToken.None);

            var sent = JsonNode.Parse(await BodyOf(Calls(fake, "PUT").Single()))!.AsObject();
            var recorded = JsonNode.Parse(Text("alarm.json"))!.AsObject();
            Assert.Equal(95.0, (double)sent["gnocchi_resources_threshold_rule"]!["threshold"]!);
            Assert.False((bool)sent["enabled"]!);
            Assert.Equal("load", (string?)sent["gnocchi_resources_threshold_rule"]!["metric"]);
            Assert.Equal(recorded["alarm_actions"]!.ToJsonString(), sent["alarm_actions"]!.ToJsonString());
            Assert.Equal((string?)recorded["name"], (string?)sent["name"]);
            foreach (var key in new[] { "timestamp", "state_timestamp", "evaluate_timestamp" })
                Assert.False(sent.ContainsKey(key), key + " is Aodh's to set");
            foreach (var key in recorded.Select(p => p.Key).Except(new[] { "timestamp", "state_timestamp", "evaluate_timestamp" }))
                Assert.True(sent.ContainsKey(key), key + " is sent back");
        }

        [Fact]
        public async Task The_state_is_set_through_the_state_api_in_aodh_s_spelling()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId + "/state").WithVerb("PUT").RespondWith("\"insufficient data\"", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId).WithVerb("GET").RespondWith(Text("alarm.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            await Alarm.SetStateAsync(cloud, HighId, "insufficient_data", CancellationToken.None);

            Assert.Equal("\"insufficient data\"", await BodyOf(Calls(fake, "PUT").Single()));
        }

        [Fact]
        public async Task The_history_reads_the_state_and_reason_out_of_aodh_s_detail()
        {
            using var fake = Aodh();
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId + "/history").RespondWith(Text("alarm-history.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(AlarmsUrl + "/" + HighId).WithVerb("GET").RespondWith(Text("alarm.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var alarm = await cloud.GetResourceAsync(Alarm.Definition, HighId, CancellationToken.None);

            var history = await Alarm.HistoryAsync(cloud, alarm, CancellationToken.None);

            Assert.Equal(new[] { "state transition", "creation" }, history.Select(h => h.Type));
            Assert.Equal("alarm", history[0].State);
            Assert.Contains("most recent: 90.0", history[0].Reason);
            Assert.Equal("insufficient data", history[1].State);
            Assert.Equal("Not evaluated yet", history[1].Reason);
            Assert.All(history, h => Assert.Equal("oso-fixture-high", h.AlarmName));
            Assert.True(history[0].Timestamp > history[1].Timestamp);
        }

        [Fact]
        public async Task Aodh_s_error_bodies_give_the_message_and_the_request_id()
        {
            using var fake = Aodh();
            var missing = RecordedResponse.Load("alarming/alarm-not-found.json");
            var refused = RecordedResponse.Load("alarming/alarms-name-refused.json");
            fake.Http.ForCallsTo(AlarmsUrl + "/00000000-0000-0000-0000-000000000000").RespondWith(missing.Body, missing.Status, missing.Headers);
            fake.Http.ForCallsTo(AlarmsUrl + "?name=x").RespondWith(refused.Body, refused.Status, refused.Headers);
            using var cloud = fake.Connect();

            var notFound = await Assert.ThrowsAsync<ResourceNotFoundException>(() => cloud.GetResourceAsync(Alarm.Definition, "00000000-0000-0000-0000-000000000000", CancellationToken.None));
            Assert.Contains("Alarm 00000000-0000-0000-0000-000000000000 not found", notFound.Message);
            Assert.Equal(missing.Header("x-openstack-request-id"), notFound.RequestId);

            var badRequest = await Assert.ThrowsAsync<BadRequestException>(() => cloud.SendAsync(
                new Client.Core.ServiceRequest(System.Net.Http.HttpMethod.Get, "alarming", "/v2/alarms?name=x"), CancellationToken.None));
            Assert.Contains("Unknown argument: \"name\"", badRequest.Message);
            Assert.Equal(refused.Header("x-openstack-request-id"), badRequest.RequestId);
        }
    }
}
