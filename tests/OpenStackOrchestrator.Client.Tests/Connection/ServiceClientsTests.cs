using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Connection;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Connection
{
    /// <summary>A connection builds a service client the first time it is used, and then keeps that one (its pollers
    /// and caches live in it).</summary>
    public class ServiceClientsTests
    {
        private static ServiceClients ClientsOf(CloudConnection cloud) =>
            (ServiceClients)typeof(CloudConnection).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Single(f => f.FieldType == typeof(ServiceClients)).GetValue(cloud)!;

        [Fact]
        public async Task A_connection_that_only_lists_servers_builds_only_the_compute_client()
        {
            using var fake = new FakeCloud().WithTokens(1).WithComputeVersion();
            fake.Http.ForCallsTo(FakeCloud.ComputeUrl + "/servers/detail*")
                .RespondWith(Fixture.Text("compute/servers-detail.json"), 200, FakeCloud.JsonType);
            using var cloud = fake.Connect();
            await cloud.ConnectAsync(CancellationToken.None);
            Assert.Empty(ClientsOf(cloud).Created);

            var servers = await Resolution.NameResolver.ToListAsync(cloud.Compute.ListServersAsync(new ServerListOptions(), CancellationToken.None));

            Assert.NotEmpty(servers);
            Assert.Equal(new[] { "Compute" }, ClientsOf(cloud).Created);
        }

        [Fact]
        public void Each_client_is_built_once_per_connection()
        {
            using var cloud = new CloudConnection(FakeCloud.Config(), FakeCloud.FastSettings());

            Assert.Same(cloud.Compute, cloud.Compute);
            Assert.Same(cloud.Image, cloud.Image);
            Assert.Same(cloud.Network, cloud.Network);
            Assert.Same(cloud.BlockStorage, cloud.BlockStorage);
            Assert.Same(cloud.Orchestration, cloud.Orchestration);
            Assert.Same(cloud.ObjectStorage, cloud.ObjectStorage);
            Assert.Equal(new[] { "Compute", "Image", "Network", "BlockStorage", "Orchestration", "ObjectStorage" }, ClientsOf(cloud).Created);
        }
    }
}
