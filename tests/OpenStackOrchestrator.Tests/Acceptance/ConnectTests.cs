using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    public class ConnectTests : CloudTestBase
    {
        [CloudFact]
        public void Connect_by_cloud_name_sets_the_PowerCLI_style_defaults()
        {
            using var session = new ModuleSession();
            var connection = session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors().Output.Single();
            Assert.Equal("los-demo", connection.Properties["Name"].Value);
            Assert.Equal("demo", connection.Properties["ProjectName"].Value);
            Assert.Equal(true, connection.Properties["IsConnected"].Value);
            Assert.Equal("los-demo", session.Run("$global:DefaultOSCloud.Name").Output.Single().ToString());
            Assert.Equal("1", session.Run("@($global:DefaultOSClouds).Count").Output.Single().ToString());
            Assert.Contains("los-demo", session.Render("Get-OSCloud"));
        }

        [CloudFact]
        public void OS_CLOUD_names_the_default_cloud()
        {
            using var session = new ModuleSession();
            System.Environment.SetEnvironmentVariable("OS_CLOUD", "los-admin");
            var connection = session.Run("Connect-OSCloud").AssertNoErrors().Output.Single();
            Assert.Equal("los-admin", connection.Properties["Name"].Value);
        }

        [CloudFact]
        public void Explicit_parameters_with_NotDefault_leave_the_defaults_alone_and_serve_minus_Cloud()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-admin").AssertNoErrors();
            var result = session.Run(@"
                $cred = [pscredential]::new('demo', [Net.NetworkCredential]::new('', 'demopass').SecurePassword)
                $c = Connect-OSCloud -AuthUrl http://127.0.0.1:5000/v3 -Credential $cred -ProjectName demo -NotDefault
                [pscustomobject]@{
                    Defaults = @($global:DefaultOSClouds).Count
                    Default = $global:DefaultOSCloud.Name
                    All = @(Get-OSCloud).Count
                    Second = (Get-OSCloud)[1].ProjectName
                    Flavors = @(Get-OSFlavor -Cloud (Get-OSCloud)[1]).Count
                    SameCloud = [object]::ReferenceEquals((Get-OSFlavor -Cloud $c)[0].Cloud, $c.PSObject.BaseObject)
                }").AssertNoErrors().Output.Single();
            Assert.Equal(1, result.Properties["Defaults"].Value);
            Assert.Equal("los-admin", result.Properties["Default"].Value);
            Assert.Equal(2, result.Properties["All"].Value);
            Assert.Equal("demo", result.Properties["Second"].Value);
            Assert.True((int)result.Properties["Flavors"].Value >= 2);
            Assert.Equal(true, result.Properties["SameCloud"].Value);
        }

        [CloudFact]
        public void One_authentication_serves_every_cmdlet_of_the_session()
        {
            using var session = new ModuleSession();
            var count = session.Run(@"
                $c = Connect-OSCloud -Cloud los-demo
                $null = Get-OSFlavor; $null = Get-OSImage; $null = Get-OSServer
                $null = Invoke-OSApiRequest -Service network -Path /v2.0/networks
                $c.AuthenticationCount").AssertNoErrors().Output.Single();
            Assert.Equal(1, count.BaseObject);
        }

        [CloudFact]
        public void A_region_the_catalog_lacks_is_named_with_the_regions_it_has()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-demo -Region Atlantis").AssertNoErrors();
            var error = session.Run("Get-OSFlavor").SingleError();
            Assert.Equal("EndpointNotFound,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Atlantis", error.ToString());
            Assert.Contains("RegionOne", error.ToString());
        }

        [CloudFact]
        public void A_cmdlet_that_needs_one_cloud_rejects_a_name_matching_several()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-demo; Connect-OSCloud -Cloud los-admin").AssertNoErrors();
            var error = session.Run("Invoke-OSApiRequest -Cloud 'los-*' -Service compute -Path /flavors").SingleError();
            Assert.Equal("AmbiguousName,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand", error.FullyQualifiedErrorId);
            Assert.Contains("los-demo", error.ToString());
            Assert.Contains("los-admin", error.ToString());
            Assert.Equal(2, session.Run("@(Get-OSFlavor -Cloud 'los-*' -Name m1.tiny).Count").AssertNoErrors().Output.Single().BaseObject);
        }

        [CloudFact]
        public void A_wrong_password_is_an_authentication_error_that_never_shows_the_password()
        {
            using var session = new ModuleSession();
            var result = session.Run(@"
                $cred = [pscredential]::new('demo', [Net.NetworkCredential]::new('', 'Wr0ngPassw0rd!').SecurePassword)
                Connect-OSCloud -AuthUrl http://127.0.0.1:5000/v3 -Credential $cred -ProjectName demo -Debug");
            var error = result.Errors.Last();
            Assert.Equal("AuthenticationFailed,OpenStackOrchestrator.Cmdlets.ConnectOSCloudCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("'demo'", error.ToString());
            Assert.Contains("request id req-", error.ToString());
            var shown = error + error.Exception.ToString() + string.Join("\n", session.UI.DebugLines);
            Assert.DoesNotContain("Wr0ngPassw0rd!", shown);
            Assert.Empty(session.Run("Get-OSCloud").Output);
        }

        [CloudFact]
        public void Disconnect_revokes_the_token_and_forgets_the_connection()
        {
            using var session = new ModuleSession();
            session.Run("$c = Connect-OSCloud -Cloud los-demo").AssertNoErrors();
            session.UI.Clear();
            session.Run("Disconnect-OSCloud -Confirm:$false -Debug").AssertNoErrors();
            Assert.Contains(session.UI.DebugLines, l => l.Contains("-X DELETE") && l.Contains("/v3/auth/tokens"));
            Assert.Contains(session.UI.DebugLines, l => l.StartsWith("RESP: [204]"));
            Assert.Empty(session.Run("Get-OSCloud").Output);
            Assert.Empty(session.Run("$global:DefaultOSClouds").Output);
            var error = session.Run("Get-OSFlavor -Cloud $c").SingleError();
            Assert.Equal("NotConnected,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand", error.FullyQualifiedErrorId);
        }

        [CloudFact]
        public void Disconnect_WhatIf_and_a_No_answer_keep_the_connection()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
            session.Run("Disconnect-OSCloud -WhatIf").AssertNoErrors();
            session.UI.Answers.Enqueue(2); // No
            session.Run("Disconnect-OSCloud").AssertNoErrors();
            Assert.Single(session.UI.Prompts);
            Assert.Equal(true, session.Run("$global:DefaultOSCloud.IsConnected").Output.Single().BaseObject);
        }
    }
}
