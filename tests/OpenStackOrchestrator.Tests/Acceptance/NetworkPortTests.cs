using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Ports with fixed IPs, security groups and allowed address pairs; lists that follow Neutron's pages.</summary>
    public class NetworkPortTests : NetworkTestBase
    {
        private const string Commands = "OpenStackOrchestrator.Cmdlets.Networking.";

        public NetworkPortTests() : base("oso-port") { }

        private static string[] Strings(PSObject o, string name) =>
            ((System.Collections.IEnumerable)o.Properties[name].Value!).Cast<object>().Select(x => x.ToString()!).ToArray();

        [CloudFact]
        public void A_port_goes_through_its_whole_life()
        {
            var net = NetworkWithSubnet("a", "10.71.0.0/24");
            Session.Run($"New-OSSecurityGroup {Prefix}-sg1; New-OSSecurityGroup {Prefix}-sg2").AssertNoErrors();
            var sg1 = Text(One($"Get-OSSecurityGroup {Prefix}-sg1"), "Id");
            var sg2 = Text(One($"Get-OSSecurityGroup {Prefix}-sg2"), "Id");
            var subnetId = Text(One($"Get-OSSubnet {net}-sub"), "Id");

            var port = One($"Get-OSNetwork {net} | New-OSPort {Prefix}-p -FixedIP {net}-sub=10.71.0.20 -SecurityGroup {Prefix}-sg1 " +
                           "-AllowedAddressPair 10.71.0.200, 10.71.1.0/24=fa:16:3e:00:00:01 -Description 'a test port'");
            Assert.Equal("OpenStackOrchestrator.Port", port.TypeNames[0]);
            Assert.Equal(new[] { "10.71.0.20" }, Strings(port, "IPAddress"));
            Assert.Equal(new[] { $"{subnetId}=10.71.0.20" }, Strings(port, "FixedIPs"));
            Assert.Equal(new[] { sg1 }, Strings(port, "SecurityGroupIds"));
            var mac = Text(port, "MacAddress");
            Assert.Equal(new[] { "10.71.0.200=" + mac, "10.71.1.0/24=fa:16:3e:00:00:01" }, Strings(port, "AllowedAddressPairs").OrderBy(p => p));
            Assert.Equal("a test port", Prop(port, "Description"));

            var changed = One($"Get-OSPort {Prefix}-p | Set-OSPort -Name {Prefix}-p2 -FixedIP 10.71.0.21 -SecurityGroup {Prefix}-sg1, {Prefix}-sg2 -AllowedAddressPair @()");
            Assert.Equal(Prefix + "-p2", Prop(changed, "Name"));
            Assert.Equal(new[] { "10.71.0.21" }, Strings(changed, "IPAddress"));
            Assert.Equal(new[] { sg1, sg2 }.OrderBy(x => x), Strings(changed, "SecurityGroupIds").OrderBy(x => x));
            Assert.Empty(Strings(changed, "AllowedAddressPairs"));

            var bare = One($"Set-OSPort {Prefix}-p2 -NoSecurityGroup -PortSecurityEnabled $false");
            Assert.Empty(Strings(bare, "SecurityGroupIds"));
            Assert.Equal(false, Prop(bare, "PortSecurityEnabled"));

            Assert.Equal(Text(port, "Id"), Text(One($"Get-OSPort -IPAddress 10.71.0.21 -Network {net}"), "Id"));
            Session.Run($"Get-OSPort -Network {net} | Remove-OSPort -Confirm:$false").AssertNoErrors();
            Assert.Empty(Session.Run($"Get-OSPort -Network {net}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void A_port_on_a_missing_network_is_NameNotFound_and_creates_nothing()
        {
            var error = Session.Run($"New-OSPort {Prefix}-lost -Network {Prefix}-no-such-network").SingleError();

            Assert.Equal($"NameNotFound,{Commands}NewOSPortCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains($"{Prefix}-no-such-network", error.ToString());
            Assert.Empty(Session.Run($"Get-OSPort '{Prefix}-lost*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void An_address_outside_the_subnet_is_refused_with_Neutrons_message()
        {
            var net = NetworkWithSubnet("b", "10.72.0.0/24");

            var error = Session.Run($"New-OSPort {Prefix}-out -Network {net} -FixedIP {net}-sub=10.99.0.5").SingleError();

            Assert.Equal($"BadRequest,{Commands}NewOSPortCommand", error.FullyQualifiedErrorId);
            Assert.Contains("10.99.0.5", error.ToString());
            Assert.Empty(Session.Run($"Get-OSPort -Network {net}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Listing_follows_Neutrons_pages_to_the_end()
        {
            var net = NetworkWithSubnet("pg", "10.73.0.0/24");
            Session.Run($"1..5 | ForEach-Object {{ $null = New-OSPort {Prefix}-pg-$_ -Network {net} }}").AssertNoErrors();

            Session.UI.Clear();
            var names = Session.Run($"$DefaultOSCloud.Network.PageSize = 2; Get-OSPort -Network {net} -Debug | ForEach-Object Name")
                .AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n).ToList();

            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{Prefix}-pg-{i}"), names);
            var requests = Session.UI.DebugLines.Where(l => l.Contains("REQ:") && l.Contains("/v2.0/ports")).ToList();
            Assert.Equal(4, requests.Count);   // 2 + 2 + 1, then the empty page that proves the short one was the last
            Assert.All(requests.Skip(1), r => Assert.Contains("marker=", r));
        }

        [CloudFact]
        public void Networks_listed_page_by_page_are_all_there()
        {
            // Neutron's LIMIT counts the external network once per RBAC entry: ?limit=2 returned only "public" with no
            // next link while the project had more networks.
            Session.Run($"New-OSNetwork {Prefix}-n1; New-OSNetwork {Prefix}-n2; New-OSNetwork {Prefix}-n3").AssertNoErrors();

            var paged = Session.Run("$DefaultOSCloud.Network.PageSize = 2; Get-OSNetwork | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();

            Assert.Contains("public", paged);
            Assert.Equal(new[] { Prefix + "-n1", Prefix + "-n2", Prefix + "-n3" }, paged.Where(n => n!.StartsWith(Prefix)).OrderBy(n => n));
            Assert.Equal(paged.Count, paged.Distinct().Count());
        }

        [CloudFact]
        public void The_table_shows_the_ports_addresses()
        {
            var net = NetworkWithSubnet("t", "10.74.0.0/24");
            Session.Run($"New-OSPort {Prefix}-t -Network {net} -FixedIP 10.74.0.9").AssertNoErrors();

            var table = Session.Render($"Get-OSPort {Prefix}-t");

            Assert.Matches(@"Name\s+Status\s+MacAddress\s+IPAddress\s+DeviceOwner\s+Id", table);
            Assert.Matches($@"{Prefix}-t\s+DOWN\s+fa:16:3e(:[0-9a-f]{{2}}){{3}}\s+10\.74\.0\.9\s+[0-9a-f-]{{36}}", table);
        }
    }
}
