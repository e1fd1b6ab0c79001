using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class RetryAfterTests
    {
        private const string OverLimit = "{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}";

        private static async Task<TimeSpan> TimeOneRetryAfter429(string? retryAfter, TimeSpan maxRetryDelay)
        {
            using var http = new HttpTest();
            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
            if (retryAfter != null)
                headers["Retry-After"] = retryAfter;
            http.RespondWith(OverLimit, 429, headers).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            var settings = FakeCloud.FastSettings();
            settings.MaxRetryDelay = maxRetryDelay;
            using var transport = new HttpTransport(settings);

            var watch = Stopwatch.StartNew();
            var response = await transport.GetAsync();
            watch.Stop();

            Assert.Equal(200, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
            return watch.Elapsed;
        }

        [Fact]
        public async Task A_429_with_Retry_After_1_waits_about_one_second_before_the_retry()
        {
            var elapsed = await TimeOneRetryAfter429("1", TimeSpan.FromSeconds(30));

            Assert.InRange(elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
        }

        [Fact]
        public async Task A_429_without_Retry_After_retries_after_the_short_base_delay()
        {
            var elapsed = await TimeOneRetryAfter429(null, TimeSpan.FromSeconds(30));

            // Well under the one second a Retry-After: 1 waits, even on a loaded machine (the base delay is 1 ms).
            Assert.True(elapsed < TimeSpan.FromMilliseconds(900), $"took {elapsed.TotalMilliseconds} ms");
        }

        [Fact]
        public async Task A_Retry_After_longer_than_MaxRetryDelay_is_capped()
        {
            var elapsed = await TimeOneRetryAfter429("30", TimeSpan.FromMilliseconds(200));

            Assert.InRange(elapsed, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(5));
        }
    }
}
