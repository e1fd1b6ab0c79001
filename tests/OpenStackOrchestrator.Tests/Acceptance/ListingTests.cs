using System;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    public class ListingTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();

        public ListingTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            _session.Dispose();
            base.Dispose();
        }

        [CloudFact]
        public void Get_OSFlavor_returns_the_fixture_flavors_in_PowerCLI_units_and_a_table_view()
        {
            var tiny = _session.Run("Get-OSFlavor -Name m1.tiny").AssertNoErrors().Output.Single();
            Assert.Equal("OpenStackOrchestrator.Flavor", tiny.TypeNames[0]);
            Assert.Equal(1, tiny.Properties["VCpus"].Value);
            Assert.Equal(0.5, tiny.Properties["MemoryGB"].Value);
            Assert.Equal(1L, tiny.Properties["DiskGB"].Value);
            Assert.Equal(true, tiny.Properties["IsPublic"].Value);
            var table = _session.Render("Get-OSFlavor");
            Assert.Matches(@"Name\s+VCpus\s+MemoryGB\s+DiskGB\s+IsPublic", table);
            Assert.Matches(@"m1\.tiny\s+1\s+0\.5\s+1\s+True", table);
        }

        [CloudFact]
        public void Get_OSFlavor_by_id_and_a_missing_name_is_an_ObjectNotFound_error()
        {
            Assert.Equal("m1.small", _session.Run("(Get-OSFlavor -Id 2).Name").AssertNoErrors().Output.Single().ToString());
            var error = _session.Run("Get-OSFlavor -Name no-such-flavor").SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("no-such-flavor", error.TargetObject);
            var byId = _session.Run("Get-OSFlavor -Id does-not-exist").SingleError();
            Assert.Equal("ResourceNotFound,OpenStackOrchestrator.Cmdlets.GetOSFlavorCommand", byId.FullyQualifiedErrorId);
            Assert.Contains("request id req-", byId.ToString());
        }

        [CloudFact]
        public void Get_OSImage_resolves_wildcards_and_exact_names()
        {
            var names = _session.Run("Get-OSImage -Name los-* | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            Assert.Contains("los-fake-image", names);
            Assert.All(names, n => Assert.StartsWith("los-", n));
            var image = _session.Run("Get-OSImage los-fake-image").AssertNoErrors().Output.Single();
            Assert.Equal("active", image.Properties["Status"].Value);
            Assert.Equal("OpenStackOrchestrator.Image", image.TypeNames[0]);
            Assert.Empty(_session.Run("Get-OSImage -Name 'zz-none-*'").AssertNoErrors().Output);
            Assert.Equal(ErrorCategory.ObjectNotFound, _session.Run("Get-OSImage -Name zz-none").SingleError().CategoryInfo.Category);
            Assert.Contains("los-fake-image", _session.Render("Get-OSImage -Name los-*"));
        }

        [CloudFact]
        public void Get_OSImage_First_pushes_the_limit_down()
        {
            _session.UI.Clear();
            var result = _session.Run("Get-OSImage -First 1 -Debug").AssertNoErrors();
            Assert.Single(result.Output);
            Assert.Contains(_session.UI.DebugLines, l => l.Contains("/v2/images?limit=1"));
        }

        [CloudFact]
        public void IncludeTotalCount_counts_every_match_even_with_First()
        {
            var flavors = _session.Run("@(Get-OSFlavor).Count").AssertNoErrors().Output.Single().BaseObject;
            var output = _session.Run("Get-OSFlavor -First 1 -IncludeTotalCount | ForEach-Object { \"$_\" }").AssertNoErrors().Output;
            Assert.Equal(2, output.Count);
            Assert.Equal(flavors.ToString(), output[1].BaseObject);
        }

        [CloudFact]
        public void Invoke_OSApiRequest_returns_the_body_as_objects()
        {
            var zones = _session.Run("(Invoke-OSApiRequest -Service compute -Path /os-availability-zone).availabilityZoneInfo.zoneName").AssertNoErrors();
            Assert.Contains("nova", zones.Output.Select(o => o.ToString()));
            var networks = _session.Run("(Invoke-OSApiRequest -Service network -Path /v2.0/networks).networks.name").AssertNoErrors();
            Assert.Contains("public", networks.Output.Select(o => o.ToString()));
            var volumes = _session.Run("(Invoke-OSApiRequest -Service volumev3 -Path /volumes).volumes.Count").AssertNoErrors();
            Assert.NotNull(volumes.Output.Single());
        }

        [CloudFact]
        public void Invoke_OSApiRequest_errors_carry_the_service_message_and_request_id()
        {
            var error = _session.Run("Invoke-OSApiRequest -Service network -Path /v2.0/networks/0000-nope").SingleError();
            Assert.Equal("ResourceNotFound,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand", error.FullyQualifiedErrorId);
            Assert.Contains("404", error.ToString());
            Assert.Contains("could not be found", error.ToString());
            Assert.Contains("request id req-", error.ToString());
            var requestId = error.Exception.GetType().GetProperty("RequestId")!.GetValue(error.Exception) as string;
            Assert.StartsWith("req-", requestId);
        }

        [CloudFact]
        public void A_service_missing_from_the_catalog_is_named_with_the_services_that_exist()
        {
            var error = _session.Run("Invoke-OSApiRequest -Service load-balancer -Path /v2/lbaas/loadbalancers").SingleError();
            Assert.Equal("EndpointNotFound,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand", error.FullyQualifiedErrorId);
            Assert.Contains("load-balancer", error.ToString());
            Assert.Contains("compute", error.ToString());
        }

        [CloudFact]
        public void Invoke_OSApiRequest_rejects_a_body_that_is_not_json_before_sending()
        {
            var error = _session.Run("Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body '{not json' -Confirm:$false").SingleError();
            Assert.Equal("InvalidRequestBody,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [CloudFact]
        public void Debug_traces_show_curl_lines_with_hashed_tokens_only()
        {
            _session.UI.Clear();
            _session.Run("Get-OSFlavor -Debug").AssertNoErrors();
            var request = _session.UI.DebugLines.First(l => l.StartsWith("REQ: curl") && l.Contains("/flavors/detail"));
            Assert.Matches(@"X-Auth-Token: \{SHA256\}[0-9a-f]{64}'", request);
            Assert.Contains(_session.UI.DebugLines, l => l.StartsWith("RESP: [200]") && l.Contains("ms"));
        }
    }
}
