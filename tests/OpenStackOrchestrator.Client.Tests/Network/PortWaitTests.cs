using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Network
{
    /// <summary>Waiting for an attached port to become ACTIVE. The local cloud's ML2 driver binds every port at once, so
    /// a port that stays DOWN or fails is replayed here from a recorded unbound port.</summary>
    public class PortWaitTests
    {
        private const string PortId = "c771d232-5c09-4fbd-9c0e-81c0964c4f6d";
        private const string PortUrl = "http://127.0.0.1:9696/v2.0/ports/" + PortId;
        private const string ServerId = "6f1d2c3b-0000-4000-8000-000000000000";

        /// <summary>The recorded port (DOWN, unattached) with another status and device.</summary>
        private static string Port(string status, string deviceId = "")
        {
            var body = JsonNode.Parse(Fixture.Text("network/port-down.json"))!;
            body["port"]!["status"] = status;
            body["port"]!["device_id"] = deviceId;
            return body.ToJsonString();
        }

        [Fact]
        public async Task A_port_that_becomes_ACTIVE_on_the_server_ends_the_wait()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortUrl)
                .RespondWith(Port("DOWN"), 200, FakeCloud.JsonType)
                .RespondWith(Port("BUILD", ServerId), 200, FakeCloud.JsonType)
                .RespondWith(Port("ACTIVE", ServerId), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var port = await cloud.Network.WaitForPortActiveAsync(PortId, ServerId, null, CancellationToken.None);

            Assert.Equal("ACTIVE", port.Status);
            Assert.Equal(3, fake.CallsTo(PortUrl).Count);
        }

        [Fact]
        public async Task A_port_that_stays_DOWN_times_out_with_its_status_in_the_message()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortUrl).RespondWith(Port("DOWN", ServerId), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            cloud.Network.PortWaitTimeout = TimeSpan.FromSeconds(1.5);
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<RequestTimeoutException>(() =>
                cloud.Network.WaitForPortActiveAsync(PortId, ServerId, null, CancellationToken.None));

            Assert.Contains("did not become ACTIVE", error.Message);
            Assert.Contains("it is DOWN", error.Message);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.4, 10);
            Assert.InRange(fake.CallsTo(PortUrl).Count, 2, 5);
        }

        [Fact]
        public async Task A_port_in_ERROR_fails_at_once()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortUrl).RespondWith(Port("ERROR", ServerId), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();

            var error = await Assert.ThrowsAsync<PortFailedException>(() =>
                cloud.Network.WaitForPortActiveAsync(PortId, ServerId, null, CancellationToken.None));

            Assert.Contains("ERROR", error.Message);
            Assert.Single(fake.CallsTo(PortUrl));
        }

        [Fact]
        public async Task Cancelling_stops_the_wait()
        {
            using var fake = new FakeCloud().WithTokens(1);
            fake.Http.ForCallsTo(PortUrl).RespondWith(Port("DOWN"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                cloud.Network.WaitForPortActiveAsync(PortId, ServerId, null, cancel.Token));
            Assert.InRange(fake.CallsTo(PortUrl).Count, 1, 3);
        }
    }
}
