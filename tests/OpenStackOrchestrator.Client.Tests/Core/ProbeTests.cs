using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Flurl.Http.Testing;
using OpenStackOrchestrator.Client.Core;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class ProbeTests
    {
        [Fact]
        public async Task Probe()
        {
            using var test = new HttpTest();
            test.RespondWith("{\"x\":1}", 503).RespondWith("ok", 200);
            using var t = new HttpTransport(new HttpSettings());
            var r = await new HttpTransport(new HttpSettings{RetryBaseDelay=System.TimeSpan.FromMilliseconds(1)}).SendAsync(HttpMethod.Get, "http://10.255.255.1:9/x", new Dictionary<string, string>(), null, true, "compute", CancellationToken.None);
            Assert.Equal(200, r.StatusCode);
            test.ShouldHaveCalled("http://10.255.255.1:9/x").Times(2);
        }
    }
}
