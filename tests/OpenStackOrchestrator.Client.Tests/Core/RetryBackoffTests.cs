using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>The waits between attempts, as the RETRY trace lines announce them: the first short, then growing
    /// exponentially (with jitter), each one capped, and no retry once the call's budget is spent. The bounds below
    /// follow from Polly's decorrelated jitter: the waits before retry k+1 add up to between 2^k and 2^(k+1) times
    /// the base delay / 1.4 (a little less for k &lt; 2).</summary>
    public class RetryBackoffTests
    {
        private const string Unavailable = "{\"error\": {\"code\": 503, \"message\": \"Injected fault: HTTP 503\"}}";

        private static HttpSettings Settings(int baseMs, int maxMs, int retries, TimeSpan? budget = null) => new HttpSettings
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(baseMs),
            MaxRetryDelay = TimeSpan.FromMilliseconds(maxMs),
            MaxRetries = retries,
            RetryBudget = budget ?? TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromSeconds(10),
        };

        [Fact]
        public async Task By_default_a_503_is_retried_after_tens_of_milliseconds_not_seconds()
        {
            using var http = new HttpTest();
            http.RespondWith(Unavailable, 503, FakeCloud.JsonType).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            using var transport = new HttpTransport(new HttpSettings());

            var response = await transport.GetAsync();

            Assert.Equal(200, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
            Assert.InRange(Assert.Single(trace.Waits), 0, 70);
            Assert.StartsWith("RETRY 1/8 in ", trace.RetryLines[0]);
        }

        [Fact]
        public async Task The_waits_grow_exponentially_and_the_error_after_the_last_attempt_says_how_many_were_made()
        {
            using var http = new HttpTest();
            http.RespondWith(Unavailable, 503, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-openstack-request-id"] = "req-last" });
            using var trace = new RetryTrace();
            using var transport = new HttpTransport(Settings(baseMs: 4, maxMs: 10_000, retries: 8));

            var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(9);
            var waits = trace.Waits;
            Assert.Equal(8, waits.Count);
            // First four: at most 16 x 4 / 1.4 = 46 ms in all; last four: at least (128 - 16) x 4 / 1.4 = 320 ms.
            Assert.True(waits.Skip(4).Sum() >= 4 * waits.Take(4).Sum(), "waits: " + string.Join(", ", waits));
            Assert.InRange(waits.Sum(), 300, 740);
            Assert.Equal(9, ex.Attempts);
            Assert.Equal("req-last", ex.RequestId);
            Assert.Contains("Injected fault: HTTP 503", ex.Message);
            Assert.Contains("9 attempts in ", ex.Message);
            Assert.Contains("the retry limit (RetryCount 8)", ex.Message);
        }

        [Fact]
        public async Task No_wait_is_longer_than_MaxRetryDelay()
        {
            using var http = new HttpTest();
            http.RespondWith(Unavailable, 503, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            using var transport = new HttpTransport(Settings(baseMs: 20, maxMs: 50, retries: 5));

            await Assert.ThrowsAsync<ServiceUnavailableException>(() => transport.GetAsync());

            var waits = trace.Waits;
            Assert.Equal(5, waits.Count);
            Assert.All(waits, w => Assert.InRange(w, 0, 50));
            // Uncapped, the waits before retries 3 to 5 add up to at least (16 - 4) x 20 / 1.4 = 171 ms: one is over 50.
            Assert.Contains(50L, waits.Skip(2));
        }

        [Fact]
        public async Task Once_the_budget_is_spent_no_retry_starts_and_the_last_error_says_why()
        {
            using var http = new HttpTest();
            http.RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType).RespondWith(Unavailable, 503, FakeCloud.JsonType);
            // Ten retries would wait about 400 ms (most waits from the fourth on are capped at 50 ms); the budget is 300 ms.
            using var transport = new HttpTransport(Settings(baseMs: 20, maxMs: 50, retries: 10, budget: TimeSpan.FromMilliseconds(300)));
            await transport.GetAsync();   // the first call of a test process can take longer than the budget (JIT)
            using var trace = new RetryTrace();

            var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => transport.GetAsync());

            var calls = http.CallLog.Count - 1;
            Assert.InRange(calls, 2, 10);
            Assert.Equal(calls - 1, trace.Waits.Count);
            Assert.Equal(calls, ex.Attempts);
            Assert.Contains($"{calls} attempts in ", ex.Message);
            Assert.Contains("the 0.3 s retry budget is spent", ex.Message);
        }

        [Fact]
        public async Task An_error_that_is_not_retried_says_nothing_about_attempts()
        {
            using var http = new HttpTest();
            http.RespondWith("{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance could not be found.\"}}", 404, FakeCloud.JsonType);
            using var transport = new HttpTransport(new HttpSettings());

            var ex = await Assert.ThrowsAsync<ResourceNotFoundException>(() => transport.GetAsync());

            Assert.Equal(1, ex.Attempts);
            Assert.DoesNotContain("attempt", ex.Message);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(1);
        }
    }
}
