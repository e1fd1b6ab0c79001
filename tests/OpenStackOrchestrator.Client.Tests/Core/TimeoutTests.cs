using System;
using System.Diagnostics;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class TimeoutTests
    {
        [Fact]
        public async Task A_hung_service_gives_RequestTimeoutException_naming_the_url_after_about_the_timeout()
        {
            using var server = new StalledServer();
            var settings = FakeCloud.FastSettings();
            settings.Timeout = TimeSpan.FromMilliseconds(400);
            using var transport = new HttpTransport(settings);

            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<RequestTimeoutException>(() => transport.GetAsync(server.Url));
            watch.Stop();

            Assert.Contains(server.Url, ex.Message);
            Assert.Equal(server.Url, ex.Url);
            Assert.Equal("compute", ex.Service);
            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.FromMilliseconds(3000));
        }

        [Fact]
        public async Task A_timed_out_request_is_not_sent_again()
        {
            using var server = new StalledServer();
            var settings = FakeCloud.FastSettings();
            settings.Timeout = TimeSpan.FromMilliseconds(200);
            settings.MaxRetries = 3;
            using var transport = new HttpTransport(settings);

            await Assert.ThrowsAsync<RequestTimeoutException>(() => transport.GetAsync(server.Url));
            await Task.Delay(100);

            Assert.Equal(1, server.Connections);
        }
    }
}
