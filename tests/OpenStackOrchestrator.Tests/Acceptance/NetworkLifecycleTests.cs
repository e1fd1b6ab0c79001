using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Networks and subnets created, read, changed and removed through the cmdlets, and Neutron's refusals.</summary>
    public class NetworkLifecycleTests : NetworkTestBase
    {
        private const string Commands = "OpenStackOrchestrator.Cmdlets.Networking.";

        public NetworkLifecycleTests() : base("oso-net") { }

        [CloudFact]
        public void A_network_goes_through_its_whole_life()
        {
            var name = Prefix + "-a";
            var created = One($"New-OSNetwork {name} -Mtu 1400 -DisablePortSecurity -Description 'made by a test'");
            Assert.Equal("OpenStackOrchestrator.Network", created.TypeNames[0]);
            Assert.Equal(1400L, Prop(created, "Mtu"));
            Assert.Equal(false, Prop(created, "PortSecurityEnabled"));
            Assert.Equal("made by a test", Prop(created, "Description"));
            Assert.Equal(Text(created, "Id"), Text(One($"Get-OSNetwork {name}"), "Id"));
            Assert.Equal(name, Text(One($"Get-OSNetwork -Id {Text(created, "Id")}"), "Name"));

            var changed = One($"Get-OSNetwork {name} | Set-OSNetwork -Name {name}-r -Mtu 1450 -PortSecurityEnabled $true");
            Assert.Equal(name + "-r", Prop(changed, "Name"));
            Assert.Equal(1450L, Prop(changed, "Mtu"));
            Assert.Equal(true, Prop(changed, "PortSecurityEnabled"));

            Session.Run($"Get-OSNetwork {name}-r | Remove-OSNetwork -Confirm:$false").AssertNoErrors();
            var gone = Session.Run($"Get-OSNetwork {name}-r").SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, gone.CategoryInfo.Category);
        }

        [CloudFact]
        public void Subnets_take_gateway_dhcp_dns_pools_and_IPv6_modes()
        {
            var net = Prefix + "-s";
            Session.Run($"New-OSNetwork {net}").AssertNoErrors();

            var v4 = One($"Get-OSNetwork {net} | New-OSSubnet -Name {net}-v4 -Cidr 10.61.0.0/24 -Gateway 10.61.0.254 -DisableDhcp " +
                         "-DnsServer 192.0.2.53, 192.0.2.54 -AllocationPool 10.61.0.10-10.61.0.19, 10.61.0.100-10.61.0.109");
            Assert.Equal("OpenStackOrchestrator.Subnet", v4.TypeNames[0]);
            Assert.Equal("10.61.0.254", Prop(v4, "GatewayIP"));
            Assert.Equal(false, Prop(v4, "DhcpEnabled"));
            Assert.Equal(new[] { "192.0.2.53", "192.0.2.54" }, ((System.Collections.IEnumerable)Prop(v4, "DnsServers")!).Cast<object>().Select(o => o.ToString()));
            Assert.Equal(new[] { "10.61.0.10-10.61.0.19", "10.61.0.100-10.61.0.109" },
                ((System.Collections.IEnumerable)Prop(v4, "AllocationPools")!).Cast<object>().Select(o => o.ToString()).OrderBy(s => s));

            var v6 = One($"New-OSSubnet -Name {net}-v6 -Network {net} -Cidr fd00:61::/64 -NoGateway -IPv6AddressMode slaac -IPv6RAMode slaac");
            Assert.Equal(6, Prop(v6, "IPVersion"));
            Assert.Null(Prop(v6, "GatewayIP"));
            Assert.Equal("slaac", Prop(v6, "IPv6AddressMode"));
            Assert.Equal("slaac", Prop(v6, "IPv6RAMode"));

            var listed = Session.Run($"Get-OSSubnet -Network {net} | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n);
            Assert.Equal(new[] { net + "-v4", net + "-v6" }, listed);
            Assert.Equal(listed, Session.Run($"Get-OSNetwork {net} | Get-OSSubnet | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n));
            Assert.Equal(2, One($"(Get-OSNetwork {net}).SubnetIds.Count").BaseObject);

            Assert.Matches($@"{net}-v4\s+10\.61\.0\.0/24\s+10\.61\.0\.254\s+False\s+[0-9a-f-]{{36}}\s+[0-9a-f-]{{36}}",
                Session.Render($"Get-OSSubnet {net}-v4"));

            Session.Run($"Get-OSSubnet {net}-v6 | Remove-OSSubnet -Confirm:$false").AssertNoErrors();
            Assert.Equal(new[] { net + "-v4" }, Session.Run($"Get-OSSubnet -Network {net} | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()));
        }

        [CloudFact]
        public void An_overlapping_CIDR_on_the_same_network_is_refused_with_Neutrons_message()
        {
            var net = NetworkWithSubnet("o", "10.62.0.0/24");

            var error = Session.Run($"New-OSSubnet -Name {net}-overlap -Network {net} -Cidr 10.62.0.128/25").SingleError();

            Assert.Equal($"BadRequest,{Commands}NewOSSubnetCommand", error.FullyQualifiedErrorId);
            Assert.Contains("overlaps with another subnet", error.ToString());
            Assert.Matches("request id req-[0-9a-f-]+", error.ToString());
            Assert.Empty(Session.Run($"Get-OSSubnet {net}-overlap -ErrorAction SilentlyContinue").Output);
        }

        [CloudFact]
        public void A_malformed_allocation_pool_is_refused_before_anything_is_sent()
        {
            var net = Prefix + "-m";
            Session.Run($"New-OSNetwork {net}").AssertNoErrors();

            var error = Session.Run($"New-OSSubnet -Name {net}-sub -Network {net} -Cidr 10.63.0.0/24 -AllocationPool 10.63.0.10..10.63.0.20").SingleError();

            Assert.Equal($"InvalidArgument,{Commands}NewOSSubnetCommand", error.FullyQualifiedErrorId);
            Assert.Contains("first-last", error.ToString());
            Assert.Empty(Session.Run($"Get-OSSubnet -Network {net}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Deleting_a_network_that_has_ports_is_a_Conflict_naming_the_ports()
        {
            var net = NetworkWithSubnet("p", "10.64.0.0/24");
            var portId = Text(One($"New-OSPort {Prefix}-port -Network {net}"), "Id");

            var error = Session.Run($"Remove-OSNetwork {net} -Confirm:$false").SingleError();

            Assert.Equal($"Conflict,{Commands}RemoveOSNetworkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains("ports still in use", error.ToString());
            Assert.Contains(portId, error.ToString());
            Assert.Single(Session.Run($"Get-OSNetwork {net}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void WhatIf_and_declining_leave_the_network_and_subnet()
        {
            var net = NetworkWithSubnet("w", "10.65.0.0/24");

            Session.Run($"Get-OSNetwork {net} | Remove-OSNetwork -WhatIf; Remove-OSSubnet {net}-sub -WhatIf").AssertNoErrors();
            Session.UI.Answers.Enqueue(2);   // "No" at the confirmation prompt
            Session.Run($"Remove-OSNetwork {net}").AssertNoErrors();
            Session.Run($"Set-OSNetwork {net} -Name {net}-x -WhatIf").AssertNoErrors();

            Assert.Single(Session.Run($"Get-OSNetwork {net}").AssertNoErrors().Output);
            Assert.Single(Session.Run($"Get-OSSubnet {net}-sub").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Wildcards_filter_here_and_exact_names_that_match_nothing_are_ObjectNotFound()
        {
            Session.Run($"New-OSNetwork {Prefix}-w1; New-OSNetwork {Prefix}-w2; New-OSNetwork {Prefix}-v1").AssertNoErrors();

            var names = Session.Run($"Get-OSNetwork '{Prefix}-w*' | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n);
            Assert.Equal(new[] { Prefix + "-w1", Prefix + "-w2" }, names);
            Assert.Single(Session.Run($"Get-OSNetwork '{Prefix}-*' -First 1").AssertNoErrors().Output);

            var error = Session.Run($"Get-OSNetwork {Prefix}-nothing").SingleError();
            Assert.Equal($"NameNotFound,{Commands}GetOSNetworkCommand", error.FullyQualifiedErrorId);
        }

        [CloudFact]
        public void The_external_network_is_found_by_External_and_the_table_reads_like_a_port_group_list()
        {
            Session.Run($"New-OSNetwork {Prefix}-t").AssertNoErrors();

            var external = Session.Run("Get-OSNetwork -External | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            var internalNames = Session.Run("Get-OSNetwork -External:$false | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            Assert.Contains("public", external);
            Assert.DoesNotContain(Prefix + "-t", external);
            Assert.Contains(Prefix + "-t", internalNames);

            var table = Session.Render($"Get-OSNetwork {Prefix}-t");
            Assert.Matches(@"Name\s+Status\s+External\s+Shared\s+Mtu\s+Subnets\s+Id", table);
            Assert.Matches($@"{Prefix}-t\s+ACTIVE\s+False\s+False\s+\d+\s+0\s+[0-9a-f-]{{36}}", table);
        }

        [CloudFact]
        public void An_admin_makes_an_external_network_and_a_member_cannot()
        {
            var refused = Session.Run($"New-OSNetwork {Prefix}-ext -External").SingleError();
            Assert.Equal(ErrorCategory.PermissionDenied, refused.CategoryInfo.Category);

            var made = One($"$admin = Connect-OSCloud -Cloud los-admin -NotDefault; New-OSNetwork {Prefix}-ext -External -Cloud $admin");
            try
            {
                Assert.Equal(true, Prop(made, "IsExternal"));
                Assert.Contains(Prefix + "-ext", Session.Run("Get-OSNetwork -External -Cloud $admin | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()));
            }
            finally
            {
                Session.Run($"Get-OSNetwork {Prefix}-ext -Cloud $admin | Remove-OSNetwork -Confirm:$false").AssertNoErrors();
            }
        }
    }
}
