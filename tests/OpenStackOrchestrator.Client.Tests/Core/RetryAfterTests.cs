using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>A 429 or 503 with Retry-After is retried after exactly the wait the service asked for (no backoff, no
    /// jitter), unless that wait would end past the call's retry budget: then its error comes at once.</summary>
    public class RetryAfterTests
    {
        private const string OverLimit = "{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}";

        private static Dictionary<string, string> Headers(string? retryAfter)
        {
            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
            if (retryAfter != null)
                headers["Retry-After"] = retryAfter;
            return headers;
        }

        [Fact]
        public async Task Retry_After_in_seconds_is_waited_exactly_then_the_request_is_sent_again()
        {
            using var http = new HttpTest();
            http.RespondWith(OverLimit, 429, Headers("1")).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.GetAsync();

            Assert.Equal(200, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
            Assert.Equal(new long[] { 1000 }, trace.Waits);
            Assert.Contains("after HTTP 429 (Retry-After: 1)", trace.RetryLines[0]);
        }

        [Fact]
        public async Task Retry_After_as_an_HTTP_date_waits_until_that_time()
        {
            // HTTP dates have whole seconds: two seconds ahead is between one and two seconds from now.
            var when = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
            using var http = new HttpTest();
            http.RespondWith("{\"error\": {\"message\": \"busy\"}}", 503, Headers(when)).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            using var transport = new HttpTransport(FakeCloud.FastSettings());

            var response = await transport.GetAsync();

            Assert.Equal(200, response.StatusCode);
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
            Assert.InRange(Assert.Single(trace.Waits), 900, 2000);
        }

        [Fact]
        public async Task A_429_without_Retry_After_gets_the_short_backoff()
        {
            using var http = new HttpTest();
            http.RespondWith(OverLimit, 429, Headers(null)).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            var settings = FakeCloud.FastSettings();
            settings.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            using var transport = new HttpTransport(settings);

            await transport.GetAsync();

            // Decorrelated jitter: the first wait is below 1.4 times the base delay.
            Assert.InRange(Assert.Single(trace.Waits), 0, 70);
        }

        [Fact]
        public async Task A_Retry_After_past_the_retry_budget_is_not_waited_for_and_the_error_says_so()
        {
            using var http = new HttpTest();
            http.RespondWith(OverLimit, 429, Headers("60")).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            var settings = FakeCloud.FastSettings();
            settings.RetryBudget = TimeSpan.FromSeconds(30);
            using var transport = new HttpTransport(settings);

            var ex = await Assert.ThrowsAsync<OverLimitException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(1);
            Assert.Empty(trace.RetryLines);
            Assert.Equal(429, ex.StatusCode);
            Assert.Equal(1, ex.Attempts);
            Assert.Contains("Rate limit exceeded", ex.Message);
            Assert.Contains("asked to wait 60 s (Retry-After)", ex.Message);
            Assert.Contains("30 s retry budget", ex.Message);
        }

        [Fact]
        public async Task Retry_After_waits_count_against_the_budget_of_the_call()
        {
            // The budget allows the first 1 s wait, not a second one on top of it.
            using var http = new HttpTest();
            http.RespondWith(OverLimit, 429, Headers("1")).RespondWith(OverLimit, 429, Headers("1")).RespondWith("{\"servers\": []}", 200, FakeCloud.JsonType);
            using var trace = new RetryTrace();
            var settings = FakeCloud.FastSettings();
            settings.RetryBudget = TimeSpan.FromMilliseconds(1500);
            using var transport = new HttpTransport(settings);

            var ex = await Assert.ThrowsAsync<OverLimitException>(() => transport.GetAsync());

            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(2);
            Assert.Equal(new long[] { 1000 }, trace.Waits);
            Assert.Equal(2, ex.Attempts);
            Assert.Contains("2 attempts in", ex.Message);
            Assert.Contains("asked to wait 1 s (Retry-After)", ex.Message);
        }
    }
}
