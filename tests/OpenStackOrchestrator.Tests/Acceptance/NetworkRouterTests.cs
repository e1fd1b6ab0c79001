using System.Linq;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Routers with a gateway on the external network, and their interfaces on subnets and ports.</summary>
    public class NetworkRouterTests : NetworkTestBase
    {
        private const string Commands = "OpenStackOrchestrator.Cmdlets.Networking.";

        public NetworkRouterTests() : base("oso-rtr") { }

        [CloudFact]
        public void A_router_goes_through_its_whole_life_with_interfaces()
        {
            var a = NetworkWithSubnet("a", "10.81.0.0/24");
            var b = NetworkWithSubnet("b", "10.82.0.0/24");
            var publicId = Text(One("Get-OSNetwork public"), "Id");

            var router = One($"New-OSRouter {Prefix}-r -ExternalNetwork public");
            Assert.Equal("OpenStackOrchestrator.Router", router.TypeNames[0]);
            Assert.Equal(publicId, Prop(router, "ExternalNetworkId"));
            Assert.StartsWith("192.0.2.", ((string[])Prop(router, "ExternalIPAddress")!).Single());

            var onSubnet = One($"Get-OSRouter {Prefix}-r | Add-OSRouterInterface -Subnet {a}-sub");
            Assert.Equal("OpenStackOrchestrator.Port", onSubnet.TypeNames[0]);
            Assert.Equal("network:router_interface", Prop(onSubnet, "DeviceOwner"));
            Assert.Equal(new[] { "10.81.0.1" }, (string[])Prop(onSubnet, "IPAddress")!);

            var port = One($"New-OSPort {Prefix}-rp -Network {b} -FixedIP 10.82.0.254");
            var onPort = One($"Add-OSRouterInterface {Prefix}-r -Port {Prefix}-rp");
            Assert.Equal(Text(port, "Id"), Text(onPort, "Id"));
            Assert.Equal(Text(router, "Id"), Text(One($"Get-OSPort {Prefix}-rp"), "DeviceId"));

            var busy = Session.Run($"Remove-OSRouter {Prefix}-r -Confirm:$false").SingleError();
            Assert.Equal($"Conflict,{Commands}RemoveOSRouterCommand", busy.FullyQualifiedErrorId);
            Assert.Contains("still attached", busy.ToString());

            Session.Run($"Remove-OSRouterInterface {Prefix}-r -Subnet {a}-sub -Confirm:$false").AssertNoErrors();
            Session.Run($"Get-OSRouter {Prefix}-r | Remove-OSRouterInterface -Port {Prefix}-rp -Confirm:$false").AssertNoErrors();
            Assert.Empty(Session.Run($"Get-OSPort -Network {a}").AssertNoErrors().Output);
            Assert.Empty(Session.Run($"Get-OSPort -Network {b}").AssertNoErrors().Output);   // Neutron deletes a given port too

            var renamed = One($"Set-OSRouter {Prefix}-r -Name {Prefix}-r2 -NoExternalNetwork");
            Assert.Equal(Prefix + "-r2", Prop(renamed, "Name"));
            Assert.Null(Prop(renamed, "ExternalNetworkId"));
            Assert.Equal(publicId, Prop(One($"Set-OSRouter {Prefix}-r2 -ExternalNetwork public"), "ExternalNetworkId"));

            Session.Run($"Get-OSRouter {Prefix}-r2 | Remove-OSRouter -Confirm:$false").AssertNoErrors();
            Assert.Equal("NameNotFound", Session.Run($"Get-OSRouter {Prefix}-r2").SingleError().FullyQualifiedErrorId.Split(',')[0]);
        }

        [CloudFact]
        public void WhatIf_adds_and_removes_no_interface()
        {
            var a = NetworkWithSubnet("w", "10.83.0.0/24");
            Session.Run($"New-OSRouter {Prefix}-w").AssertNoErrors();

            Session.Run($"Add-OSRouterInterface {Prefix}-w -Subnet {a}-sub -WhatIf").AssertNoErrors();
            Assert.Empty(Session.Run($"Get-OSPort -Network {a}").AssertNoErrors().Output);

            Session.Run($"Add-OSRouterInterface {Prefix}-w -Subnet {a}-sub").AssertNoErrors();
            Session.Run($"Remove-OSRouterInterface {Prefix}-w -Subnet {a}-sub -WhatIf; Remove-OSRouter {Prefix}-w -WhatIf").AssertNoErrors();
            Assert.Single(Session.Run($"Get-OSPort -Network {a}").AssertNoErrors().Output);
            Assert.Single(Session.Run($"Get-OSRouter {Prefix}-w").AssertNoErrors().Output);
        }

        [CloudFact]
        public void The_table_shows_the_gateway_address()
        {
            Session.Run($"New-OSRouter {Prefix}-t -ExternalNetwork public").AssertNoErrors();

            var table = Session.Render($"Get-OSRouter {Prefix}-t");

            Assert.Matches(@"Name\s+Status\s+ExternalIPAddress\s+ExternalNetworkId\s+Id", table);
            Assert.Matches($@"{Prefix}-t\s+ACTIVE\s+192\.0\.2\.\d+\s+[0-9a-f-]{{36}}\s+[0-9a-f-]{{36}}", table);
        }
    }
}
