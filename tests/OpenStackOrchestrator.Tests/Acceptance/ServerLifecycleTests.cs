using System;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Servers created, power cycled, resized, rebuilt and removed through the cmdlets, as a user would.</summary>
    public class ServerLifecycleTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-life");

        public ServerLifecycleTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            _session.Run($"Get-OSServer -Name '{_prefix}*' | Remove-OSServer -Confirm:$false");
            _session.Dispose();
            base.Dispose();
        }

        private string Status(string name) => _session.Run($"(Get-OSServer -Name {name}).Status").AssertNoErrors().Output.Single().ToString();

        [CloudFact]
        public void A_server_goes_through_its_whole_life_on_the_pipeline()
        {
            var name = _prefix + "-a";
            var created = _session.Run($"New-OSServer -Name {name} -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors().Output.Single();
            Assert.Equal("ACTIVE", created.Properties["Status"].Value);
            Assert.Equal("PoweredOn", created.Properties["PowerState"].Value);

            Assert.Equal("PoweredOff", _session.Run($"Get-OSServer {name} | Stop-OSServer -Confirm:$false | ForEach-Object PowerState").AssertNoErrors().Output.Single().ToString());
            Assert.Equal("SHUTOFF", Status(name));
            Assert.Equal("ACTIVE", _session.Run($"Get-OSServer {name} | Start-OSServer | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());
            Assert.Equal("ACTIVE", _session.Run($"Restart-OSServer {name} -Hard | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());
            Assert.Equal("SUSPENDED", _session.Run($"Suspend-OSServer {name} | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());
            Assert.Equal("ACTIVE", _session.Run($"Start-OSServer {name} | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());

            var resized = _session.Run($"Set-OSServer {name} -Flavor m1.small -Name {name}-r -Metadata @{{ role = 'web' }}").AssertNoErrors().Output.Single();
            Assert.Equal("m1.small", resized.Properties["Flavor"].Value);
            Assert.Equal(name + "-r", resized.Properties["Name"].Value);
            Assert.Equal("web", _session.Run($"(Get-OSServer {name}-r).Metadata['role']").Output.Single().ToString());

            Assert.Equal("ACTIVE", _session.Run($"Reset-OSServer {name}-r -Image los-fake-image -Confirm:$false | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());
            Assert.Contains("FAKE CONSOLE OUTPUT", _session.Run($"Get-OSServerConsoleLog {name}-r").AssertNoErrors().Output.Select(o => o.ToString()));

            _session.Run($"Get-OSServer {name}-r | Remove-OSServer -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, _session.Run($"Get-OSServer {name}-r").SingleError().CategoryInfo.Category);
        }

        [CloudFact]
        public void A_resize_can_wait_for_verification_and_be_reverted()
        {
            var name = _prefix + "-v";
            _session.Run($"New-OSServer -Name {name} -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();
            Assert.Equal("VERIFY_RESIZE", _session.Run($"Set-OSServer {name} -Flavor m1.small -NoConfirmResize | ForEach-Object Status").AssertNoErrors().Output.Single().ToString());
            var reverted = _session.Run($"Set-OSServer {name} -RevertResize").AssertNoErrors().Output.Single();
            Assert.Equal("m1.tiny", reverted.Properties["Flavor"].Value);
        }

        [CloudFact]
        public void RunAsync_returns_tasks_and_Wait_OSTask_batches_the_polling()
        {
            var result = _session.Run($@"
                $before = $DefaultOSCloud.Compute.WaitPollRequests
                $tasks = New-OSServer -Name {_prefix}-b -Count 5 -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync
                $types = @($tasks | ForEach-Object {{ $_.PSObject.TypeNames[0] }})
                $servers = $tasks | Wait-OSTask
                [pscustomobject]@{{
                    Types = $types; Servers = @($servers); States = @($tasks.State | ForEach-Object {{ ""$_"" }})
                    Requests = $DefaultOSCloud.Compute.WaitPollRequests - $before
                    Listed = @(Get-OSTask).Count
                }}").AssertNoErrors().Output.Single();
            Assert.All((object[])result.Properties["Types"].Value, t => Assert.Equal("OpenStackOrchestrator.Task", t));
            var servers = ((object[])result.Properties["Servers"].Value).Cast<PSObject>().ToList();
            Assert.Equal(5, servers.Count);
            Assert.All(servers, s => Assert.Equal("ACTIVE", s.Properties["Status"].Value));
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{_prefix}-b-{i}").OrderBy(n => n), servers.Select(s => s.Properties["Name"].Value.ToString()).OrderBy(n => n));
            Assert.All((object[])result.Properties["States"].Value, s => Assert.Equal("Success", s));
            Assert.True((int)result.Properties["Listed"].Value >= 5);
            // Watching five servers costs about one list request per round, not one GET per server per round.
            var requests = (int)result.Properties["Requests"].Value;
            Assert.InRange(requests, 1, 12);
        }

        [CloudFact]
        public void Sizing_from_a_PowerCLI_VM_object_picks_the_smallest_fitting_flavor()
        {
            var flavor = _session.Run($@"
                [pscustomobject]@{{ Name = '{_prefix}-vm'; NumCpu = 1; MemoryGB = 1.5 }} |
                    New-OSServer -Image los-fake-image -Network none | ForEach-Object Flavor").AssertNoErrors().Output.Single();
            Assert.Equal("m1.small", flavor.ToString());
        }

        [CloudFact]
        public void Bad_references_are_clear_errors_and_create_nothing()
        {
            var unknown = _session.Run($"New-OSServer -Name {_prefix}-x -Image los-fake-image -Flavor no-such-flavor -Network none").SingleError();
            Assert.Equal("NameNotFound,OpenStackOrchestrator.Cmdlets.Compute.NewOSServerCommand", unknown.FullyQualifiedErrorId);
            Assert.Contains("no-such-flavor", unknown.ToString());
            var noNetwork = _session.Run($"New-OSServer -Name {_prefix}-x -Image los-fake-image -Flavor m1.tiny -Network no-such-net").SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, noNetwork.CategoryInfo.Category);
            Assert.Empty(_session.Run($"Get-OSServer -Name '{_prefix}-x*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void An_ambiguous_server_name_lists_the_candidates()
        {
            _session.Run($"New-OSServer -Name {_prefix}-dup -Count 2 -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();
            _session.Run($"Get-OSServer -Name '{_prefix}-dup-*' | Set-OSServer -Name {_prefix}-same").AssertNoErrors();
            var error = _session.Run($"Stop-OSServer {_prefix}-same -Confirm:$false").SingleError();
            Assert.Equal("AmbiguousName,OpenStackOrchestrator.Cmdlets.Compute.StopOSServerCommand", error.FullyQualifiedErrorId);
            var ids = _session.Run($"(Get-OSServer {_prefix}-same).Id").Output.Select(o => o.ToString()).ToList();
            Assert.Equal(2, ids.Count);
            Assert.All(ids, id => Assert.Contains(id!, error.ToString()));
        }

        [CloudFact]
        public void Debug_shows_the_requests_of_the_tasks_a_cmdlet_waits_for()
        {
            _session.UI.Clear();
            _session.Run($"New-OSServer -Name {_prefix}-d -Image los-fake-image -Flavor m1.tiny -Network none -Debug").AssertNoErrors();
            Assert.Contains(_session.UI.DebugLines, l => l.StartsWith("REQ: curl") && l.Contains("-X POST") && l.Contains("/servers'"));
            Assert.Contains(_session.UI.DebugLines, l => l.StartsWith("RESP: [202]"));
        }

        [CloudFact]
        public void BootVolumeSizeGB_boots_from_a_new_volume_deleted_with_the_server()
        {
            var server = _session.Run($"New-OSServer -Name {_prefix}-bfv -Image los-fake-image -Flavor m1.tiny -Network none -BootVolumeSizeGB 1").AssertNoErrors().Output.Single();
            Assert.Equal("ACTIVE", server.Properties["Status"].Value);
            Assert.Null(server.Properties["ImageId"].Value);
            var volume = _session.Run($"(Get-OSServer {_prefix}-bfv).ExtensionData['os-extended-volumes:volumes_attached'][0]").AssertNoErrors().Output.Single();
            Assert.Equal(true, ((System.Collections.IDictionary)volume.BaseObject)["delete_on_termination"]);
        }

        [CloudFact]
        public void Remove_OSServer_WhatIf_and_No_leave_the_server()
        {
            var name = _prefix + "-w";
            _session.Run($"New-OSServer -Name {name} -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();
            _session.Run($"Get-OSServer {name} | Remove-OSServer -WhatIf").AssertNoErrors();
            _session.UI.Answers.Enqueue(2);
            _session.Run($"Remove-OSServer {name}").AssertNoErrors();
            Assert.Equal("ACTIVE", Status(name));
        }
    }
}
