using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Settings;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    public class InvalidCertificateTests
    {
        private static OpenStackOrchestrator.Client.Core.HttpSettings SettingsFor(InvalidCertificateAction action)
        {
            var settings = new EffectiveSettings(action, DefaultCloudMode.Multiple, 5, 0, 3).ToHttpSettings();
            settings.RetryBaseDelay = System.TimeSpan.FromMilliseconds(1);
            return settings;
        }

        [Fact]
        public async Task Fail_refuses_a_self_signed_certificate()
        {
            using var server = new SelfSignedTlsServer();
            using var transport = new OpenStackOrchestrator.Client.Core.HttpTransport(SettingsFor(InvalidCertificateAction.Fail));

            await Assert.ThrowsAsync<ServiceUnreachableException>(() => transport.GetAsync(server.Url));
        }

        [Fact]
        public async Task Ignore_connects_without_reporting()
        {
            using var server = new SelfSignedTlsServer();
            var settings = SettingsFor(InvalidCertificateAction.Ignore);
            var reports = new List<string>();
            settings.InvalidCertificateAccepted = (host, why) => reports.Add(host);
            using var transport = new OpenStackOrchestrator.Client.Core.HttpTransport(settings);

            var response = await transport.GetAsync(server.Url);

            Assert.Equal(200, response.StatusCode);
            Assert.Empty(reports);
        }

        [Fact]
        public async Task Warn_connects_and_reports_the_host_once_per_connection()
        {
            using var server = new SelfSignedTlsServer();
            var settings = SettingsFor(InvalidCertificateAction.Warn);
            var reports = new List<string>();
            settings.InvalidCertificateAccepted = (host, why) => { lock (reports) reports.Add(host + ": " + why); };
            using var transport = new OpenStackOrchestrator.Client.Core.HttpTransport(settings);

            await transport.GetAsync(server.Url);
            await transport.GetAsync(server.Url);
            using (var second = new OpenStackOrchestrator.Client.Core.HttpTransport(settings))
                await second.GetAsync(server.Url);

            Assert.Equal(2, reports.Count);
            Assert.All(reports, r => Assert.StartsWith(server.Authority + ": ", r));
            Assert.Contains("RemoteCertificate", reports[0]);
        }
    }
}
