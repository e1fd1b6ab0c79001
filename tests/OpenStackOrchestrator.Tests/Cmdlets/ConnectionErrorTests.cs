using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Cmdlets
{
    /// <summary>Bad input without a cloud: each gets a clear ErrorRecord and leaks no secret.</summary>
    public class ConnectionErrorTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("oso-clouds-").FullName;
        private readonly string? _savedConfigFile = Environment.GetEnvironmentVariable("OS_CLIENT_CONFIG_FILE");
        private readonly string? _savedCloud = Environment.GetEnvironmentVariable("OS_CLOUD");

        public ConnectionErrorTests()
        {
            File.WriteAllText(Path.Combine(_folder, "clouds.yaml"),
                "clouds:\n  alpha:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: u\n      password: S3cretPassw0rd\n      project_name: p\n  beta:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: u\n      password: S3cretPassw0rd\n");
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", Path.Combine(_folder, "clouds.yaml"));
            Environment.SetEnvironmentVariable("OS_CLOUD", null);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", _savedConfigFile);
            Environment.SetEnvironmentVariable("OS_CLOUD", _savedCloud);
            Directory.Delete(_folder, true);
        }

        [Fact]
        public void An_unknown_cloud_name_lists_the_known_ones()
        {
            using var session = new ModuleSession();
            var error = session.Run("Connect-OSCloud -Cloud gamma").SingleError();
            Assert.Equal("CloudConfigurationInvalid,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("gamma", error.TargetObject);
            Assert.Contains("alpha", error.ToString());
            Assert.Contains("beta", error.ToString());
            Assert.DoesNotContain("S3cretPassw0rd", error.ToString());
        }

        [Fact]
        public void An_unreachable_auth_url_fails_fast_naming_the_url_and_leaking_no_password()
        {
            using var session = new ModuleSession();
            var watch = Stopwatch.StartNew();
            var result = session.Run("Connect-OSCloud -Cloud alpha -TimeoutSec 5 -Debug");
            watch.Stop();
            var error = result.SingleError();
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("http://127.0.0.1:1/v3", error.ToString());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
            var everything = error + string.Join("\n", session.UI.DebugLines) + session.UI.Output;
            Assert.DoesNotContain("S3cretPassw0rd", everything);
            Assert.Contains(session.UI.DebugLines, l => l.Contains("\"password\":\"***\""));
            Assert.Empty(session.Run("Get-OSCloud").Output);
        }

        [Fact]
        public void A_cmdlet_without_any_connection_says_to_connect()
        {
            using var session = new ModuleSession();
            var error = session.Run("Get-OSFlavor").SingleError();
            Assert.Equal("NotConnected,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("Connect-OSCloud", error.ToString());
        }

        [Fact]
        public void Cloud_parameter_rejects_the_name_of_a_connection_that_is_not_open()
        {
            using var session = new ModuleSession();
            var error = session.Run("Get-OSServer -Cloud nowhere").SingleError();
            Assert.Contains("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
            Assert.Contains("No open connection is named 'nowhere'", error.ToString());
        }

        [Fact]
        public void Get_OSCloud_ListAvailable_shows_clouds_yaml_entries_without_secrets()
        {
            using var session = new ModuleSession();
            var result = session.Run("Get-OSCloud -ListAvailable").AssertNoErrors();
            Assert.Equal(new[] { "alpha", "beta" }, result.Output.Select(o => o.Properties["Name"].Value).ToArray());
            Assert.DoesNotContain(result.Output.SelectMany(o => o.Properties), p => p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("S3cretPassw0rd", session.Render("Get-OSCloud -ListAvailable"));
        }

        [Fact]
        public void A_non_http_auth_url_is_rejected_before_any_request()
        {
            using var session = new ModuleSession();
            var error = session.Run("$c = [pscredential]::new('u', [Net.NetworkCredential]::new('', 'pw').SecurePassword); Connect-OSCloud -AuthUrl 'ftp://x/v3' -Credential $c").SingleError();
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("ftp://x/v3", error.ToString());
        }
    }
}
