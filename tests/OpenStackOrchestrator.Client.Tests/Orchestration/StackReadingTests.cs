using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>Heat's answers as the source-generated models read them: a newer Heat's fields and statuses still read,
    /// and whatever no property models is kept in ExtensionData.</summary>
    public class StackReadingTests
    {
        private const string HeatUrl = "http://127.0.0.1:8004/v1/165212a519914e96bcc22f8bf4cae8fc";
        private const string StackId = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        private const string StackUrl = HeatUrl + "/stacks/web/" + StackId;

        private const string NewerStackBody = "{\"id\": \"" + StackId + "\", \"stack_name\": \"web\", \"stack_status\": \"TELEPORT_IN_PROGRESS\"," +
            " \"stack_status_reason\": \"beaming\", \"creation_time\": \"2026-12-01T10:00:00Z\", \"updated_time\": null, \"tags\": null," +
            " \"parameters\": {\"OS::stack_id\": \"" + StackId + "\", \"OS::stack_name\": \"web\", \"flavor\": \"m1.tiny\", \"count\": 2}," +
            " \"outputs\": [{\"output_key\": \"ip\", \"output_value\": [\"10.0.0.5\"], \"description\": \"the address\", \"output_quantum\": true}]," +
            " \"timeout_mins\": 60, \"parent\": null, \"links\": [{\"href\": \"" + StackUrl + "\", \"rel\": \"self\"}]," +
            " \"stack_hyperdrive\": {\"warp\": 9}}";

        private const string NewerStack = "{\"stack\": " + NewerStackBody + "}";

        private static string Link(string rel, string stack, string id) =>
            "{\"href\": \"" + HeatUrl + "/stacks/" + stack + "/" + id + "\", \"rel\": \"" + rel + "\"}";

        [Fact]
        public async Task A_stack_from_a_newer_Heat_reads_and_keeps_the_fields_no_property_models()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            Assert.Equal(StackId, stack.Id);
            Assert.Equal("web", stack.Name);
            Assert.Equal("TELEPORT_IN_PROGRESS", stack.Status);
            Assert.Equal("TELEPORT", stack.Action);
            Assert.True(StackStatus.IsInProgress(stack.Status));
            Assert.Equal(new System.DateTime(2026, 12, 1, 10, 0, 0, System.DateTimeKind.Utc), stack.Created);
            Assert.Null(stack.Updated);
            Assert.Empty(stack.Tags);
            Assert.Equal(60, stack.TimeoutMinutes);
            Assert.Equal(new Dictionary<string, string> { ["flavor"] = "m1.tiny", ["count"] = "2" }, stack.Parameters);
            Assert.Same(cloud, stack.Cloud);
            var warp = Assert.IsType<Dictionary<string, object?>>(stack.ExtensionData["stack_hyperdrive"]);
            Assert.Equal(9L, warp["warp"]);
            Assert.True(stack.ExtensionData.ContainsKey("links"));
            Assert.False(stack.ExtensionData.ContainsKey("stack_status"), "a modelled field is a property, not extension data");
            Assert.False(stack.ExtensionData.ContainsKey("stack_name"));
            Assert.False(stack.ExtensionData.ContainsKey("outputs"));
        }

        [Fact]
        public async Task A_stacks_outputs_know_their_stack_and_carry_plain_values()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            var output = Assert.Single(stack.Outputs);
            Assert.Equal("ip", output.Name);
            Assert.Equal(new object?[] { "10.0.0.5" }, Assert.IsType<object?[]>(output.Value));
            Assert.Equal("the address", output.Description);
            Assert.Null(output.Error);
            Assert.Equal("web", output.StackName);
            Assert.Equal(StackId, output.StackId);
            Assert.Same(cloud, output.Cloud);
        }

        [Fact]
        public async Task A_listing_pushes_the_filters_down_and_reads_each_stack()
        {
            using var fake = new FakeCloud().WithTokens(1);
            var listed = "{\"stacks\": [" + NewerStackBody + "]}";
            fake.Http.ForCallsTo(HeatUrl + "/stacks*").WithVerb("GET").RespondWith(listed, 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var stacks = new List<Stack>();
            await foreach (var stack in cloud.Orchestration.ListStacksAsync(new StackListOptions { Name = "web", IncludeNested = true }))
                stacks.Add(stack);

            Assert.Equal("TELEPORT_IN_PROGRESS", Assert.Single(stacks).Status);
            var url = fake.CallsTo(HeatUrl + "/stacks").Single().Request.Url;
            Assert.Equal("web", url.QueryParams.FirstOrDefault("name"));
            Assert.Equal("True", url.QueryParams.FirstOrDefault("show_nested"));
        }

        [Fact]
        public async Task Resources_of_a_newer_Heat_read_with_their_stack_from_the_links_and_keep_unknown_fields()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/resources*").RespondWith("{\"resources\": [{\"resource_name\": \"server\", \"logical_resource_id\": \"server\"," +
                " \"resource_type\": \"OS::Nova::Server\", \"resource_status\": \"MATERIALIZE_COMPLETE\", \"physical_resource_id\": \"\"," +
                " \"required_by\": null, \"creation_time\": \"2026-12-01T10:00:01Z\", \"resource_quirk\": 42, \"links\": [" +
                Link("self", "web", StackId) + ", " + Link("stack", "web-inner-abc", "inner-1") + ", " + Link("nested", "web-server-xyz", "nested-2") + "]}]}",
                200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            var resources = new List<StackResource>();
            await foreach (var item in cloud.Orchestration.ListResourcesAsync(stack, 2))
                resources.Add(item);

            var resource = Assert.Single(resources);
            Assert.Equal("server", resource.Name);
            Assert.Equal("OS::Nova::Server", resource.Type);
            Assert.Equal("MATERIALIZE_COMPLETE", resource.Status);
            Assert.Null(resource.PhysicalId);
            Assert.Empty(resource.RequiredBy);
            Assert.Equal("web-inner-abc", resource.StackName);
            Assert.Equal("inner-1", resource.StackId);
            Assert.Equal("nested-2", resource.NestedStackId);
            Assert.Same(cloud, resource.Cloud);
            Assert.Equal(42L, resource.ExtensionData["resource_quirk"]);
            Assert.Equal(new[] { "resource_quirk" }, resource.ExtensionData.Keys);
            Assert.Equal("2", fake.CallsTo(StackUrl + "/resources").Single().Request.Url.QueryParams.FirstOrDefault("nested_depth"));
        }

        [Fact]
        public async Task Events_of_a_newer_Heat_read_and_the_stacks_own_event_is_recognised()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/events*").RespondWith("{\"events\": [" +
                "{\"id\": \"e1\", \"event_time\": \"2026-12-01T10:00:00Z\", \"resource_name\": \"web\", \"logical_resource_id\": \"web\"," +
                " \"physical_resource_id\": \"" + StackId + "\", \"resource_status\": \"TELEPORT_IN_PROGRESS\", \"resource_status_reason\": \"Stack TELEPORT started\"," +
                " \"event_flavour\": \"mint\", \"links\": [" + Link("stack", "web", StackId) + "]}," +
                "{\"id\": \"e2\", \"logical_resource_id\": \"server\", \"resource_status\": \"CREATE_IN_PROGRESS\", \"resource_type\": \"OS::Nova::Server\"," +
                " \"links\": [" + Link("stack", "web", StackId) + "]}]}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            var events = await cloud.Orchestration.ListEventsAsync(stack, "e0", 0, null, CancellationToken.None);

            Assert.Equal(new[] { "e1", "e2" }, events.Select(e => e.Id));
            Assert.True(events[0].IsStackEvent);
            Assert.Equal("TELEPORT_IN_PROGRESS", events[0].Status);
            Assert.Equal("mint", events[0].ExtensionData["event_flavour"]);
            Assert.Equal(new[] { "event_flavour" }, events[0].ExtensionData.Keys);
            Assert.False(events[1].IsStackEvent);
            Assert.Equal("server", events[1].ResourceName);
            Assert.Equal("web", events[1].StackName);
            Assert.Same(cloud, events[1].Cloud);
            var query = fake.CallsTo(StackUrl + "/events").Single().Request.Url.QueryParams;
            Assert.Equal("asc", query.FirstOrDefault("sort_dir"));
            Assert.Equal("e0", query.FirstOrDefault("marker"));
        }

        [Fact]
        public async Task Fields_an_answer_leaves_out_read_as_empty_not_null()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith("{\"stack\": {\"id\": \"" + StackId + "\", \"stack_name\": \"web\"}}", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/events*").RespondWith("{\"events\": [{}]}", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/resources*").RespondWith("{\"resources\": [{}]}", 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/preview").WithVerb("PUT").RespondWith("{\"resource_changes\": {\"added\": [{}]}}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);
            var e = Assert.Single(await cloud.Orchestration.ListEventsAsync(stack, null, 0, null, CancellationToken.None));
            var resources = new List<StackResource>();
            await foreach (var item in cloud.Orchestration.ListResourcesAsync(stack, 0))
                resources.Add(item);
            var change = Assert.Single(await cloud.Orchestration.PreviewUpdateAsync(stack, new StackRequest(TemplateBundler.WithoutTemplate(null, null)), CancellationToken.None));

            Assert.Equal("UNKNOWN", stack.Status);
            Assert.Empty(stack.Tags);
            Assert.Empty(stack.Outputs);
            Assert.Empty(stack.Parameters);
            Assert.Equal("", e.Id);
            Assert.Equal("", e.Status);
            Assert.Equal("", e.ResourceName);
            var resource = Assert.Single(resources);
            Assert.Equal("", resource.Name);
            Assert.Equal("UNKNOWN", resource.Status);
            Assert.Empty(resource.RequiredBy);
            Assert.Equal("", change.ResourceName);
            Assert.Equal("web", change.StackName);
        }

        [Fact]
        public async Task A_preview_marks_each_change_with_its_kind_and_keeps_unknown_kinds_out()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/preview").WithVerb("PUT").RespondWith("{\"resource_changes\": {" +
                "\"added\": [{\"resource_name\": \"disk\", \"resource_type\": \"OS::Cinder::Volume\", \"physical_resource_id\": \"\"}]," +
                "\"updated\": [{\"resource_name\": \"server\", \"physical_resource_id\": \"s-1\", \"stack_name\": \"web-inner\", \"resource_identity\": {\"x\": 1}}]," +
                "\"teleported\": [{\"resource_name\": \"ghost\"}], \"unchanged\": []}}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            var changes = await cloud.Orchestration.PreviewUpdateAsync(stack, new StackRequest(TemplateBundler.WithoutTemplate(null, null)), CancellationToken.None);

            Assert.Equal(new[] { "Added disk", "Updated server" }, changes.Select(c => c.ToString()));
            Assert.Null(changes[0].PhysicalId);
            Assert.Equal("web", changes[0].StackName);
            Assert.Equal("web-inner", changes[1].StackName);
            Assert.Equal("s-1", changes[1].PhysicalId);
            Assert.Equal(new[] { "resource_identity" }, changes[1].ExtensionData.Keys);
        }

        [Fact]
        public async Task Template_parameters_read_with_their_defaults_and_keep_their_constraints()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(HeatUrl + "/validate").WithVerb("POST").RespondWith("{\"Description\": \"t\", \"Parameters\": {" +
                "\"flavor\": {\"Type\": \"String\", \"Default\": \"m1.tiny\", \"Description\": \"\", \"Label\": \"flavor\", \"NoEcho\": \"false\", \"AllowedValues\": [\"m1.tiny\", \"m1.small\"]}," +
                "\"password\": {\"Type\": \"String\", \"NoEcho\": \"true\", \"Description\": \"the secret\", \"Sensitivity\": \"high\"}," +
                "\"nothing\": {\"Type\": \"Json\", \"Default\": null, \"NoEcho\": true}}, \"ParameterGroups\": []}", 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var parameters = await cloud.Orchestration.ValidateTemplateAsync(new StackRequest(TemplateBundler.FromText(
                "heat_template_version: 2018-08-31\nparameters:\n  flavor: {type: string}\n", System.IO.Path.GetTempPath(), null)), CancellationToken.None);

            Assert.Equal(new[] { "flavor", "password", "nothing" }, parameters.Select(p => p.Name));
            var flavor = parameters[0];
            Assert.Equal("String", flavor.Type);
            Assert.True(flavor.HasDefault);
            Assert.Equal("m1.tiny", flavor.Default);
            Assert.Null(flavor.Description);
            Assert.Equal("flavor", flavor.Label);
            Assert.False(flavor.NoEcho);
            Assert.Equal(new object?[] { "m1.tiny", "m1.small" }, Assert.IsType<object?[]>(flavor.ExtensionData["AllowedValues"]));
            Assert.Equal(new[] { "AllowedValues" }, flavor.ExtensionData.Keys);
            Assert.False(parameters[1].HasDefault);
            Assert.True(parameters[1].NoEcho);
            Assert.Equal("high", parameters[1].ExtensionData["Sensitivity"]);
            Assert.True(parameters[2].HasDefault);
            Assert.Null(parameters[2].Default);
            Assert.True(parameters[2].NoEcho);
        }

        [Fact]
        public async Task A_create_sends_the_template_parameters_and_tags_and_returns_the_new_id()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(HeatUrl + "/stacks").WithVerb("POST")
                .RespondWith("{\"stack\": {\"id\": \"" + StackId + "\", \"links\": [{\"href\": \"" + StackUrl + "\", \"rel\": \"self\"}]}}", 201, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var request = new StackRequest(TemplateBundler.FromText("heat_template_version: 2018-08-31\nresources: {}\n", System.IO.Path.GetTempPath(), null))
            {
                TimeoutMinutes = 5,
            };
            request.Parameters["flavor"] = "m1.tiny";
            request.Parameters["json"] = new Dictionary<string, object?> { ["a"] = 1, ["when"] = new System.DateTime(2026, 1, 2, 0, 0, 0, System.DateTimeKind.Utc) };
            request.Tags.Add("a");
            request.Tags.Add("b");

            var id = await cloud.Orchestration.CreateStackAsync("web", request, CancellationToken.None);

            Assert.Equal(StackId, id);
            var call = fake.CallsTo(HeatUrl + "/stacks").Single();
            var body = JsonDocument.Parse(await call.HttpRequestMessage.Content!.ReadAsStringAsync()).RootElement;
            Assert.Equal(new[] { "parameters", "stack_name", "tags", "template", "timeout_mins" },
                body.EnumerateObject().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal("web", body.GetProperty("stack_name").GetString());
            Assert.Equal("2018-08-31", body.GetProperty("template").GetProperty("heat_template_version").GetString());
            Assert.Equal("a,b", body.GetProperty("tags").GetString());
            Assert.Equal(5, body.GetProperty("timeout_mins").GetInt32());
            Assert.Equal("m1.tiny", body.GetProperty("parameters").GetProperty("flavor").GetString());
            Assert.Equal(1, body.GetProperty("parameters").GetProperty("json").GetProperty("a").GetInt32());
            Assert.StartsWith("2026-01-02", body.GetProperty("parameters").GetProperty("json").GetProperty("when").GetString());
        }

        [Fact]
        public async Task A_stack_action_sends_the_action_with_a_null_value()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(StackUrl).WithVerb("GET").RespondWith(NewerStack, 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(StackUrl + "/actions").WithVerb("POST").RespondWith("", 200);
            using var cloud = fake.Connect();
            var stack = await cloud.Orchestration.GetStackAsync("web", StackId, CancellationToken.None);

            await cloud.Orchestration.StackActionAsync(stack, "suspend", CancellationToken.None);

            var call = fake.CallsTo(StackUrl + "/actions").Single();
            Assert.Equal("{\"suspend\":null}", await call.HttpRequestMessage.Content!.ReadAsStringAsync());
        }
    }
}
