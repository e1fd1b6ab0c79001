using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>What the cloud refuses: a quota exceeded, a server the scheduler cannot place (ERROR).</summary>
    public class ServerFailureTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-fail");

        public ServerFailureTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("$admin = Connect-OSCloud -Cloud los-admin -NotDefault; $demo = Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            _session.Run($"Get-OSServer -Cloud $demo -Name '{_prefix}*' | Remove-OSServer -Confirm:$false");
            _session.Dispose();
            base.Dispose();
        }

        [CloudFact]
        public void A_server_that_goes_to_ERROR_fails_with_Novas_fault_and_is_removed()
        {
            var flavor = _prefix + "-nowhere";
            _session.Run($@"
                $body = @{{ flavor = @{{ name = '{flavor}'; vcpus = 1; ram = 512; disk = 1 }} }}
                $script:flavorId = (Invoke-OSApiRequest -Cloud $admin -Service compute -Path /flavors -Method POST -Body $body -Confirm:$false).flavor.id
                # a resource no host has: placement finds no candidate and the scheduler puts the server in ERROR
                $specs = @{{ extra_specs = @{{ 'resources:CUSTOM_OSO_NOWHERE' = '1' }} }}
                $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path ""/flavors/$flavorId/os-extra_specs"" -Method POST -Body $specs -Confirm:$false").AssertNoErrors();
            try
            {
                var error = _session.Run($"New-OSServer -Name {_prefix}-big -Image los-fake-image -Flavor {flavor} -Network none").SingleError();
                Assert.Equal("ServerFault,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand", error.FullyQualifiedErrorId);
                Assert.Contains("No valid host", error.ToString());
                Assert.Contains("deleted", error.ToString());
                var remaining = _session.Run(@"
                    $deadline = [datetime]::UtcNow.AddSeconds(30)
                    do { $left = @(Get-OSServer -Name '" + _prefix + @"-big*'); if ($left.Count -eq 0) { break }; [Threading.Thread]::Sleep(500) } while ([datetime]::UtcNow -lt $deadline)
                    $left.Count").AssertNoErrors().Output.Single();
                Assert.Equal(0, remaining.BaseObject);
            }
            finally
            {
                _session.Run("Invoke-OSApiRequest -Cloud $admin -Service compute -Path \"/flavors/$flavorId\" -Method DELETE -Confirm:$false");
            }
        }

        [CloudFact]
        public void An_exceeded_quota_is_a_QuotaExceeded_error_with_the_request_id()
        {
            _session.Run(@"
                $project = $demo.ProjectId
                $script:quotaPath = ""/os-quota-sets/$project""
                $script:oldInstances = (Invoke-OSApiRequest -Cloud $admin -Service compute -Path $quotaPath).quota_set.instances
                $used = @(Get-OSServer -Cloud $demo).Count
                $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path $quotaPath -Method PUT -Body @{ quota_set = @{ instances = $used } } -Confirm:$false").AssertNoErrors();
            try
            {
                var error = _session.Run($"New-OSServer -Name {_prefix}-q -Image los-fake-image -Flavor m1.tiny -Network none").SingleError();
                Assert.Equal("OverLimit,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
                Assert.Contains("uota", error.ToString());
                Assert.Contains("request id req-", error.ToString());
                Assert.Empty(_session.Run($"Get-OSServer -Name '{_prefix}-q*'").AssertNoErrors().Output);
            }
            finally
            {
                _session.Run("$null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path $quotaPath -Method PUT -Body @{ quota_set = @{ instances = $oldInstances } } -Confirm:$false").AssertNoErrors();
            }
        }
    }
}
