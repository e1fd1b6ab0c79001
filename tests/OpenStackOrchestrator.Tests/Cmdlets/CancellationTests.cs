using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Cmdlets
{
    public class CancellationTests
    {
        [Fact]
        public void Ctrl_C_stops_a_request_that_hangs_long_before_its_timeout()
        {
            var silent = new TcpListener(IPAddress.Loopback, 0);   // accepts connections, never answers
            silent.Start();
            try
            {
                var port = ((IPEndPoint)silent.LocalEndpoint).Port;
                using var session = new ModuleSession();
                using var invocation = session.BeginRun(
                    $"$c = [pscredential]::new('u', [Net.NetworkCredential]::new('', 'pw').SecurePassword); " +
                    $"Connect-OSCloud -AuthUrl http://127.0.0.1:{port}/v3 -Credential $c -TimeoutSec 60");
                System.Threading.Thread.Sleep(700);
                Assert.False(invocation.IsCompleted, "the request should still be waiting for the silent server");
                var watch = Stopwatch.StartNew();
                invocation.Stop();
                watch.Stop();
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {watch.Elapsed}");
                Assert.Equal(PSInvocationState.Stopped, invocation.State);
            }
            finally
            {
                silent.Stop();
            }
        }

        [Fact]
        public void A_silent_server_fails_within_the_timeout_naming_the_url()
        {
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                var port = ((IPEndPoint)silent.LocalEndpoint).Port;
                using var session = new ModuleSession();
                var watch = Stopwatch.StartNew();
                var error = session.Run(
                    $"$c = [pscredential]::new('u', [Net.NetworkCredential]::new('', 'pw').SecurePassword); " +
                    $"Connect-OSCloud -AuthUrl http://127.0.0.1:{port}/v3 -Credential $c -TimeoutSec 2").SingleError();
                watch.Stop();
                Assert.Equal("RequestTimeout,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
                Assert.Contains($"http://127.0.0.1:{port}/v3", error.ToString());
                Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 8);
            }
            finally
            {
                silent.Stop();
            }
        }
    }
}
