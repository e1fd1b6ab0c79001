using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>The resources of an autoscaling stack (Templates/autoscaling.yaml on the local cloud, recorded in
    /// Fixtures/orchestration): members of the group read with their nested stack's name, and a scaling policy
    /// signalled as `openstack stack resource signal` does (Invoke-OSScalingPolicy).</summary>
    public class ScalingPolicySignalTests
    {
        private const string HeatUrl = "http://127.0.0.1:8004/v1/165212a519914e96bcc22f8bf4cae8fc";
        private const string StackId = "25d4fd2b-a29d-4cd0-b481-2932c6e466b7";
        private const string PolicyUrl = HeatUrl + "/stacks/oso-fixture-scale/" + StackId + "/resources/scale_out";

        [Fact]
        public async Task Nested_resources_name_their_own_stack_and_a_policy_is_signalled_in_its_stack()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(HeatUrl + "/stacks/oso-fixture-scale/" + StackId + "/resources*").WithVerb("GET")
                .RespondWith(Fixture.Text("orchestration/resources-nested.json"), 200, FakeCloud.JsonType);
            fake.Http.ForCallsTo(PolicyUrl + "/signal").WithVerb("POST").RespondWith(Fixture.Text("orchestration/resource-signal.body"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var resources = new List<StackResource>();
            await foreach (var r in cloud.Orchestration.ListResourcesAsync(Read(), 5, CancellationToken.None))
                resources.Add(r);

            Assert.Contains("nested_depth=5", fake.CallsTo(HeatUrl + "/stacks/oso-fixture-scale/" + StackId + "/resources").Last().Request.Url.Query);
            var member = resources.Single(r => r.Type == "OS::Nova::Server");
            Assert.StartsWith("oso-fixture-scale-group-", member.StackName);
            Assert.Equal("group", member.ParentResource);
            var policy = resources.Single(r => r.Name == "scale_out");
            Assert.Equal("OS::Heat::ScalingPolicy", policy.Type);
            Assert.Equal("oso-fixture-scale", policy.StackName);

            await cloud.Orchestration.SignalResourceAsync(policy, null, CancellationToken.None);

            var signal = fake.CallsTo(PolicyUrl + "/signal").Single();
            Assert.Equal("POST", signal.HttpRequestMessage.Method.Method);
            Assert.Equal("{}", await signal.HttpRequestMessage.Content!.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_policy_reads_again_from_its_own_stack()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PolicyUrl).WithVerb("GET").RespondWith(Fixture.Text("orchestration/resource-scaling-policy.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            var listed = System.Text.Json.JsonDocument.Parse(Fixture.Text("orchestration/resources-nested.json")).RootElement.GetProperty("resources")
                .EnumerateArray().Select(e => OrchestrationJson.Read(e, OrchestrationJson.Default.StackResource, null)).Single(r => r.Name == "scale_out");

            var policy = await cloud.Orchestration.RefreshResourceAsync(listed, CancellationToken.None);

            Assert.Equal("scale_out", policy.Name);
            Assert.Equal("CREATE_COMPLETE", policy.Status);
            Assert.Equal(StackId, policy.StackId);
            Assert.Same(cloud, policy.Cloud);
        }

        private static Stack Read() =>
            System.Text.Json.JsonSerializer.Deserialize("{\"id\": \"" + StackId + "\", \"stack_name\": \"oso-fixture-scale\", \"stack_status\": \"CREATE_COMPLETE\"}",
                OrchestrationJson.Default.Stack)!;
    }
}
