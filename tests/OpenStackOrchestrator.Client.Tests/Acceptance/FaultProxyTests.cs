using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Acceptance
{
    /// <summary>The real cloud behind tests/fault-proxy, through cloud los-demo-faulty (auth_url :15000).</summary>
    [Collection(FaultProxyCollection.Name)]
    public class FaultProxyTests
    {
        private static CloudConnection ConnectionThroughProxy(HttpSettings settings) =>
            new CloudConnection(ConfigFileEnvironment.Load(LocalCloud.FaultyCloudsYaml, "los-demo-faulty"), settings);

        private static async Task<List<string>> FlavorNamesAsync(CloudConnection cloud)
        {
            var names = new List<string>();
            await foreach (var flavor in cloud.Compute.ListFlavorsAsync(new FlavorListOptions()))
                names.Add(flavor.Name);
            return names;
        }

        private static async Task WithRules(string rules, Func<Task> test)
        {
            FaultProxy.Set(rules);
            try
            {
                await test();
            }
            finally
            {
                FaultProxy.Clear();
            }
        }

        [FaultProxyFact]
        public Task Two_503_on_flavors_are_retried_and_the_listing_succeeds() =>
            WithRules("[{\"service\": \"nova\", \"path\": \"^/v2.1/flavors\", \"status\": 503, \"first_n\": 2}]", async () =>
            {
                using var cloud = ConnectionThroughProxy(new HttpSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(50) });

                var names = await FlavorNamesAsync(cloud);

                Assert.Contains("m1.tiny", names);
                var rule = FaultProxy.Rule(0);
                Assert.Equal(3, rule.GetProperty("matched").GetInt32());
                Assert.Equal(2, rule.GetProperty("injected").GetInt32());
            });

        [FaultProxyFact]
        public Task A_revoked_token_is_replaced_by_one_re_authentication() =>
            WithRules("[{\"service\": \"nova\", \"revoke_token\": 1, \"first_n\": 1}]", async () =>
            {
                using var cloud = ConnectionThroughProxy(new HttpSettings { RetryBaseDelay = TimeSpan.FromMilliseconds(50) });
                await cloud.ConnectAsync(CancellationToken.None);
                Assert.Equal(1, cloud.AuthenticationCount);

                var names = await FlavorNamesAsync(cloud);

                Assert.Contains("m1.tiny", names);
                Assert.Equal(2, cloud.AuthenticationCount);
                Assert.Equal(1, FaultProxy.Rule(0).GetProperty("tokens_revoked").GetInt32());
            });

        [FaultProxyFact]
        public Task A_service_that_hangs_5_s_times_out_after_the_1_s_timeout() =>
            WithRules("[{\"service\": \"nova\", \"delay_ms\": 5000}]", async () =>
            {
                using var cloud = ConnectionThroughProxy(new HttpSettings { Timeout = TimeSpan.FromSeconds(1), RetryBaseDelay = TimeSpan.FromMilliseconds(50) });
                await cloud.ConnectAsync(CancellationToken.None);

                var watch = Stopwatch.StartNew();
                var ex = await Assert.ThrowsAsync<RequestTimeoutException>(() => FlavorNamesAsync(cloud));
                watch.Stop();

                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed.TotalMilliseconds} ms");
                Assert.Contains("127.0.0.1:18774", ex.Message);
                Assert.Equal("compute", ex.Service);
            });
    }
}
