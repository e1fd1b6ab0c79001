using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Get-OSQuota's network rows, read from Neutron in a project of their own.</summary>
    public class NetworkQuotaTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-nq");
        private string? _projectId;

        public NetworkQuotaTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("$admin = Connect-OSCloud -Cloud los-admin -NotDefault; $demo = Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            if (_projectId != null)
                _session.Run($@"
                    if ($own) {{ Get-OSNetwork -Cloud $own -Name '{_prefix}*' | Remove-OSNetwork -Confirm:$false }}
                    # Neutron made the project a default group, which deleting the project would leave behind
                    Get-OSSecurityGroup -Cloud $admin -Name default | Where-Object ProjectId -eq '{_projectId}' | Remove-OSSecurityGroup -Confirm:$false
                    Invoke-OSApiRequest -Cloud $admin -Service identity -Path /projects/{_projectId} -Method DELETE -Confirm:$false");
            _session.Dispose();
            base.Dispose();
        }

        private long InUse(string resource) =>
            (long)_session.Run($"(Get-OSQuota -Cloud $own | Where-Object {{ $_.Service -eq 'network' -and $_.Resource -eq '{resource}' }}).InUse")
                .AssertNoErrors().Output.Single().BaseObject;

        [CloudFact]
        public void Network_rows_come_with_the_compute_rows_of_the_current_project()
        {
            var rows = _session.Run("Get-OSQuota -Cloud $demo | Where-Object Service -eq network").AssertNoErrors().Output;
            var project = _session.Run("$demo.ProjectId").Output.Single().ToString();

            var resources = rows.Select(r => r.Properties["Resource"].Value.ToString()).ToList();
            foreach (var expected in new[] { "network", "subnet", "port", "router", "floatingip", "security_group", "security_group_rule" })
                Assert.Contains(expected, resources);
            Assert.All(rows, r => Assert.Equal("OpenStackOrchestrator.Quota", r.TypeNames[0]));
            Assert.All(rows, r => Assert.Equal(project, r.Properties["ProjectId"].Value));
            Assert.NotEmpty(_session.Run("Get-OSQuota -Cloud $demo | Where-Object Service -eq compute").AssertNoErrors().Output);
            Assert.Matches(@"network\s+security_group\s+\d+\s+[1-9]\d*\s+0", _session.Render("Get-OSQuota -Cloud $demo"));
        }

        [CloudFact]
        public void Networks_in_use_go_up_after_a_network_is_created()
        {
            _projectId = _session.Run($@"
                $body = @{{ project = @{{ name = '{_prefix}'; domain_id = 'default'; description = 'NetworkQuotaTests' }} }}
                (Invoke-OSApiRequest -Cloud $admin -Service identity -Path /projects -Method POST -Body $body -Confirm:$false).project.id")
                .AssertNoErrors().Output.Single().ToString();
            _session.Run($@"
                $role = (Invoke-OSApiRequest -Cloud $admin -Service identity -Path /roles -Query @{{ name = 'member' }}).roles[0].id
                $null = Invoke-OSApiRequest -Cloud $admin -Service identity -Path ""/projects/{_projectId}/users/$($admin.UserId)/roles/$role"" -Method PUT -Confirm:$false
                $own = Connect-OSCloud -Cloud los-admin -ProjectName '{_prefix}' -NotDefault").AssertNoErrors();
            Assert.Equal(0, InUse("network"));

            _session.Run($"New-OSNetwork -Cloud $own {_prefix}-net | New-OSSubnet -Name {_prefix}-sub -Cidr 10.111.0.0/24").AssertNoErrors();

            Assert.Equal(1, InUse("network"));
            Assert.Equal(1, InUse("subnet"));
            var adminView = _session.Run($"(Get-OSQuota -Cloud $admin -ProjectId {_projectId} | Where-Object {{ $_.Service -eq 'network' -and $_.Resource -eq 'network' }}).InUse")
                .AssertNoErrors().Output.Single().BaseObject;
            Assert.Equal(1L, adminView);
        }
    }
}
