using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>Ctrl+C in a cmdlet cancels the token: the caller must see a cancellation, never a timeout or an HTTP error.</summary>
    public class CancellationTests
    {
        private static HttpTransport SlowTimeoutTransport()
        {
            var settings = FakeCloud.FastSettings();
            settings.Timeout = TimeSpan.FromSeconds(20);
            return new HttpTransport(settings);
        }

        [Fact]
        public async Task Cancelling_while_the_request_is_in_flight_throws_OperationCanceledException()
        {
            using var server = new StalledServer();
            using var transport = SlowTimeoutTransport();
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var watch = Stopwatch.StartNew();
            var ex = await Record.ExceptionAsync(() => transport.GetAsync(server.Url, cts.Token));
            watch.Stop();

            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed.TotalMilliseconds} ms");
        }

        [Fact]
        public async Task An_already_cancelled_token_throws_OperationCanceledException_without_waiting()
        {
            using var server = new StalledServer();
            using var transport = SlowTimeoutTransport();
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            var ex = await Record.ExceptionAsync(() => transport.GetAsync(server.Url, cts.Token));

            Assert.IsAssignableFrom<OperationCanceledException>(ex);
        }

        [Fact]
        public async Task Cancelling_during_a_retry_wait_throws_OperationCanceledException_without_waiting_it_out()
        {
            using var http = new HttpTest();
            http.RespondWith("{\"error\": {\"message\": \"busy\"}}", 503, new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["Retry-After"] = "10",
            });
            var settings = FakeCloud.FastSettings();
            settings.MaxRetryDelay = TimeSpan.FromSeconds(30);
            using var transport = new HttpTransport(settings);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var watch = Stopwatch.StartNew();
            var ex = await Record.ExceptionAsync(() => transport.GetAsync(cancellationToken: cts.Token));
            watch.Stop();

            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.IsNotType<RequestTimeoutException>(ex);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed.TotalMilliseconds} ms");
            http.ShouldHaveCalled(TransportCall.ServersUrl).Times(1);
        }
    }
}
