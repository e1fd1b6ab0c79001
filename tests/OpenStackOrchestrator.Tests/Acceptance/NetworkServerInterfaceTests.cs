using System.Linq;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Server NICs through Nova's os-interface, the way New-NetworkAdapter and Remove-NetworkAdapter are used.</summary>
    public class NetworkServerInterfaceTests : NetworkTestBase
    {
        public NetworkServerInterfaceTests() : base("oso-nic") { }

        [CloudFact]
        public void A_NIC_is_added_on_a_network_listed_and_removed_from_the_pipeline()
        {
            var a = NetworkWithSubnet("a", "10.101.0.0/24");
            var b = NetworkWithSubnet("b", "10.102.0.0/24");
            Session.Run($"New-OSServer -Name {Prefix}-vm -Image los-fake-image -Flavor m1.tiny -Network {a}").AssertNoErrors();

            var added = One($"Get-OSServer {Prefix}-vm | Add-OSServerInterface -Network {b} -FixedIPAddress 10.102.0.50");
            Assert.Equal("OpenStackOrchestrator.ServerInterface", added.TypeNames[0]);
            Assert.Equal("ACTIVE", Prop(added, "PortState"));
            Assert.Equal(b, Prop(added, "NetworkName"));
            Assert.Equal(Prefix + "-vm", Prop(added, "ServerName"));
            Assert.Equal(new[] { "10.102.0.50" }, (string[])Prop(added, "IPAddress")!);
            Assert.Equal("ACTIVE", Text(One($"Get-OSPort -Id {Text(added, "PortId")}"), "Status"));

            var nics = Session.Run($"Get-OSServerInterface {Prefix}-vm").AssertNoErrors().Output;
            Assert.Equal(new[] { a, b }, nics.Select(n => Text(n, "NetworkName")).OrderBy(n => n));
            Assert.Matches($@"Server\s+Network\s+MacAddress\s+IPAddress\s+PortState\s+PortId", Session.Render($"Get-OSServerInterface {Prefix}-vm"));
            Assert.Matches($@"{Prefix}-vm\s+{b}\s+fa:16:3e(:[0-9a-f]{{2}}){{3}}\s+10\.102\.0\.50\s+ACTIVE", Session.Render($"Get-OSServerInterface {Prefix}-vm"));

            Session.Run($"Get-OSServerInterface {Prefix}-vm | Where-Object NetworkName -eq {b} | Remove-OSServerInterface -Confirm:$false").AssertNoErrors();
            Assert.Equal(new[] { a }, Session.Run($"Get-OSServerInterface {Prefix}-vm | ForEach-Object NetworkName").AssertNoErrors().Output.Select(o => o.ToString()));
            Assert.Empty(Session.Run($"Get-OSPort -Network {b}").AssertNoErrors().Output);   // Nova deletes the port it made
        }

        [CloudFact]
        public void An_existing_port_is_attached_with_RunAsync_and_kept_after_the_detach()
        {
            var a = NetworkWithSubnet("p", "10.103.0.0/24");
            Session.Run($"New-OSServer -Name {Prefix}-pvm -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();
            var portId = Text(One($"New-OSPort {Prefix}-nic -Network {a}"), "Id");

            var nic = One($"Add-OSServerInterface {Prefix}-pvm -Port {Prefix}-nic -RunAsync | Wait-OSTask");
            Assert.Equal(portId, Text(nic, "PortId"));
            Assert.Equal(Text(One($"Get-OSServer {Prefix}-pvm"), "Id"), Text(One($"Get-OSPort {Prefix}-nic"), "DeviceId"));

            Session.Run($"Remove-OSServerInterface {Prefix}-nic -Confirm:$false").AssertNoErrors();   // the server is found from the port
            Assert.Empty(Session.Run($"Get-OSServerInterface {Prefix}-pvm").AssertNoErrors().Output);
            Assert.Equal("", Text(One($"Get-OSPort {Prefix}-nic"), "DeviceId"));
        }

        [CloudFact]
        public void Detaching_a_port_that_no_server_has_is_a_clear_error()
        {
            var a = NetworkWithSubnet("f", "10.104.0.0/24");
            Session.Run($"New-OSPort {Prefix}-free -Network {a}").AssertNoErrors();

            var error = Session.Run($"Remove-OSServerInterface {Prefix}-free -Confirm:$false").SingleError();

            Assert.Equal("BadRequest,OpenStackOrchestrator.Cmdlets.Networking.RemoveOSServerInterfaceCommand", error.FullyQualifiedErrorId);
            Assert.Contains("not attached to a server", error.ToString());
        }

        [CloudFact]
        public void WhatIf_attaches_and_detaches_nothing()
        {
            var a = NetworkWithSubnet("w", "10.105.0.0/24");
            Session.Run($"New-OSServer -Name {Prefix}-wvm -Image los-fake-image -Flavor m1.tiny -Network {a}").AssertNoErrors();

            Session.Run($"Add-OSServerInterface {Prefix}-wvm -Network {a} -WhatIf; Get-OSServerInterface {Prefix}-wvm | Remove-OSServerInterface -WhatIf").AssertNoErrors();

            Assert.Single(Session.Run($"Get-OSServerInterface {Prefix}-wvm").AssertNoErrors().Output);
        }
    }
}
