using System;
using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>A server created for the test (through the module's own escape hatch) and removed after.</summary>
    public class ServerTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _name = UniqueName("oso-srv");
        private string? _id;

        public ServerTests()
        {
            if (!LocalCloud.IsAvailable)
                return;
            _session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
            _id = _session.Run($@"
                $image = (Get-OSImage -Name los-fake-image).Id
                $body = @{{ server = @{{ name = '{_name}'; imageRef = $image; flavorRef = '1'; networks = 'none' }} }}
                (Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $body -Microversion 2.37 -Confirm:$false).server.id
            ").AssertNoErrors().Output.Single().ToString();
            var status = _session.Run($@"
                $deadline = [datetime]::UtcNow.AddSeconds(90)
                do {{ $s = Get-OSServer -Id '{_id}'; if ($s.Status -ne 'BUILD') {{ break }}; [Threading.Thread]::Sleep(1000) }} while ([datetime]::UtcNow -lt $deadline)
                $s.Status").AssertNoErrors().Output.Single().ToString();
            Assert.Equal("ACTIVE", status);
        }

        public override void Dispose()
        {
            if (_id != null)
                _session.Run($"Invoke-OSApiRequest -Service compute -Path /servers/{_id} -Method DELETE -Confirm:$false");
            _session.Dispose();
            base.Dispose();
        }

        [CloudFact]
        public void Get_OSServer_reads_like_Get_VM()
        {
            var server = _session.Run($"Get-OSServer -Name {_name}").AssertNoErrors().Output.Single();
            Assert.Equal("OpenStackOrchestrator.Server", server.TypeNames[0]);
            Assert.Equal(_id, server.Properties["Id"].Value);
            Assert.Equal("PoweredOn", server.Properties["PowerState"].Value);
            Assert.Equal(1, server.Properties["NumCpu"].Value);
            Assert.Equal(0.5, server.Properties["MemoryGB"].Value);
            Assert.Equal("m1.tiny", server.Properties["Flavor"].Value);
            Assert.NotNull(server.Properties["Created"].Value);
            var table = _session.Render($"Get-OSServer -Name {_name}");
            Assert.Matches(@"Name\s+PowerState\s+NumCpu\s+MemoryGB", table);
            Assert.Matches(_name + @"\s+PoweredOn\s+1\s+0\.5\s+ACTIVE\s+m1\.tiny", table);
        }

        [CloudFact]
        public void Wildcards_and_Where_Object_work_on_the_pipeline()
        {
            var prefix = _name.Substring(0, _name.Length - 3) + "*";
            var names = _session.Run($"Get-OSServer -Name '{prefix}' | Where-Object Status -eq ACTIVE | ForEach-Object Name").AssertNoErrors();
            Assert.Equal(new[] { _name }, names.Output.Select(o => o.ToString()));
            Assert.Contains(_name, _session.Run("Get-OSServer | Where-Object Status -eq ACTIVE | ForEach-Object Name").Output.Select(o => o.ToString()));
            Assert.Empty(_session.Run($"Get-OSServer -Name '{prefix}' -Status SHUTOFF").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Name_filter_is_sent_to_Nova_as_an_anchored_regex()
        {
            _session.UI.Clear();
            _session.Run($"Get-OSServer -Name 'oso-srv*' -Debug").AssertNoErrors();
            Assert.Contains(_session.UI.DebugLines, l => l.Contains("/servers/detail?name=%5E%28oso-srv.%2A%29%24"));
        }
    }
}
