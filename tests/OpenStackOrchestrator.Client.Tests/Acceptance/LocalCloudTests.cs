using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Acceptance
{
    /// <summary>The real local cloud, directly (cloud los-demo of /var/lib/los/clouds.yaml).</summary>
    public class LocalCloudTests
    {
        private static CloudConnection Connect(Action<CloudConfig>? change = null)
        {
            var config = ConfigFileEnvironment.Load(LocalCloud.CloudsYaml, "los-demo");
            change?.Invoke(config);
            return new CloudConnection(config);
        }

        [CloudFact]
        public async Task The_flavors_include_m1_tiny()
        {
            using var cloud = Connect();
            var flavors = new List<Flavor>();

            await foreach (var flavor in cloud.Compute.ListFlavorsAsync(new FlavorListOptions()))
                flavors.Add(flavor);

            var tiny = Assert.Single(flavors, f => f.Name == "m1.tiny");
            Assert.Equal(512, tiny.MemoryMB);
            Assert.Equal(1, tiny.VCpus);
        }

        [CloudFact]
        public async Task The_images_include_los_fake_image()
        {
            using var cloud = Connect();
            var names = new List<string>();

            await foreach (var image in cloud.Image.ListAsync(new ImageListOptions()))
                names.Add(image.Name);

            Assert.Contains("los-fake-image", names);
        }

        [CloudFact]
        public async Task A_wrong_password_gives_AuthenticationFailedException_with_a_request_id_and_without_the_password()
        {
            var password = "wrong-" + Guid.NewGuid().ToString("N");
            using var cloud = Connect(c => c.Password = password);

            var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => cloud.ConnectAsync(CancellationToken.None));

            Assert.StartsWith("req-", ex.RequestId);
            Assert.Contains(ex.RequestId!, ex.Message);
            Assert.DoesNotContain(password, ex.ToString());
        }

        [CloudFact]
        public async Task A_missing_server_gives_ResourceNotFoundException_with_novas_message()
        {
            using var cloud = Connect();

            var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => cloud.Compute.GetServerAsync("no-such-server", CancellationToken.None));

            Assert.Contains("could not be found", ex.Message);
            Assert.StartsWith("req-", ex.RequestId);
        }
    }
}
