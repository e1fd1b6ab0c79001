using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Compute
{
    /// <summary>Remove-OSServer returns when the server is gone: Nova answers status DELETED while the instance is still
    /// torn down (and still lists it by name), so only a 404 ends the wait.</summary>
    public class ServerDeleteWaitTests
    {
        private const string ServerId = "cbd634ce-c327-48e7-83be-a4c55b9e83e7";
        private const string ServerUrl = FakeCloud.ComputeUrl + "/servers/" + ServerId;

        private static string RecordedServer(string status)
        {
            var server = JsonNode.Parse(Fixture.Text("compute/servers-detail.json"))!["servers"]![0]!.DeepClone();
            server["status"] = status;
            return new JsonObject { ["server"] = server }.ToJsonString();
        }

        [Fact]
        public async Task A_server_reported_DELETED_is_waited_for_until_its_GET_answers_404()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(ServerUrl).WithVerb("GET")
                .RespondWith(RecordedServer("ACTIVE"), 200, FakeCloud.JsonType)
                .RespondWith(RecordedServer("DELETED"), 200, FakeCloud.JsonType)
                .RespondWith(RecordedServer("DELETED"), 200, FakeCloud.JsonType)
                .RespondWith(Fixture.Text("errors/nova-404.json"), 404, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

            await cloud.Compute.WaitForServerDeletedAsync(ServerId, null, deadline.Token);

            Assert.Equal(4, fake.CallsTo(ServerUrl).Count);
        }
    }
}
