using System.Linq;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Floating IPs allocated, associated with servers, disassociated and released; a whole server setup
    /// (network, router, security group, port, floating IP) built from pipelines.</summary>
    public class FloatingIpTests : NetworkTestBase
    {
        private const string Commands = "OpenStackOrchestrator.Cmdlets.Networking.";

        public FloatingIpTests() : base("oso-fip") { }

        /// <summary>A routed network: subnet 10.&lt;n&gt;.0.0/24 on a router with its gateway on public.</summary>
        private string RoutedNetwork(string suffix, int n)
        {
            var net = NetworkWithSubnet(suffix, $"10.{n}.0.0/24");
            Session.Run($"New-OSRouter {Prefix}-{suffix}-r -ExternalNetwork public | Add-OSRouterInterface -Subnet {net}-sub").AssertNoErrors();
            return net;
        }

        private void Track(string floatingIpId) => FloatingIpIds.Add(floatingIpId);

        [CloudFact]
        public void A_server_with_a_port_a_security_group_and_a_floating_IP_is_built_from_pipelines()
        {
            var result = One($@"
                $net = New-OSNetwork {Prefix}-web
                $subnet = $net | New-OSSubnet -Name {Prefix}-web-sub -Cidr 10.91.0.0/24 -DnsServer 192.0.2.53
                $router = New-OSRouter {Prefix}-web-r -ExternalNetwork (Get-OSNetwork -External -Name public)
                $null = $router | Add-OSRouterInterface -Subnet $subnet
                $group = New-OSSecurityGroup {Prefix}-web-sg
                $null = $group | New-OSSecurityGroupRule -Port 443
                $null = $group | New-OSSecurityGroupRule -Port 22 -RemoteIPPrefix 203.0.113.0/24
                $port = $net | New-OSPort {Prefix}-web-nic -SecurityGroup $group -FixedIP ""$($subnet.Name)=10.91.0.10""
                $server = New-OSServer -Name {Prefix}-web-vm -Image los-fake-image -Flavor m1.tiny -Network none
                $nic = $server | Add-OSServerInterface -Port $port
                $ip = $server | Add-OSFloatingIP
                [pscustomobject]@{{ Nic = $nic; Ip = $ip; Port = Get-OSPort -Id $port.Id; Server = Get-OSServer -Id $server.Id; Group = $group.Id }}");
            var ip = (System.Management.Automation.PSObject)Prop(result, "Ip")!;
            Track(Text(ip, "Id"));
            var nic = (System.Management.Automation.PSObject)Prop(result, "Nic")!;
            var port = (System.Management.Automation.PSObject)Prop(result, "Port")!;
            var server = (System.Management.Automation.PSObject)Prop(result, "Server")!;

            Assert.Equal("ACTIVE", Prop(nic, "PortState"));
            Assert.Equal(Text(port, "Id"), Text(nic, "PortId"));
            Assert.Equal(Text(server, "Id"), Text(port, "DeviceId"));
            Assert.Equal(new[] { Text(result, "Group") }, (System.Collections.Generic.IEnumerable<string>)Prop(port, "SecurityGroupIds")!);
            Assert.Equal("OpenStackOrchestrator.FloatingIP", ip.TypeNames[0]);
            Assert.StartsWith("192.0.2.", Text(ip, "Address"));
            Assert.Equal("10.91.0.10", Prop(ip, "FixedIPAddress"));
            Assert.Equal(Text(port, "Id"), Prop(ip, "PortId"));
            Assert.Equal(Text(server, "Id"), Prop(ip, "ServerId"));
            Assert.Contains("10.91.0.10", (string[])Prop(server, "IPAddress")!);

            var listed = One($"Get-OSServer {Prefix}-web-vm | Get-OSFloatingIP");
            Assert.Equal(Text(ip, "Id"), Text(listed, "Id"));
            Assert.Matches($@"{Text(ip, "Address").Replace(".", "\\.")}\s+10\.91\.0\.10\s+\w+\s+{Text(server, "Id")}",
                Session.Render($"Get-OSFloatingIP {Text(ip, "Address")}"));
        }

        [CloudFact]
        public void A_floating_IP_is_allocated_associated_moved_disassociated_and_released()
        {
            var net = RoutedNetwork("m", 92);
            Session.Run($"New-OSServer -Name {Prefix}-m-vm -Image los-fake-image -Flavor m1.tiny -Network {net}").AssertNoErrors();

            var allocated = One($"New-OSFloatingIP -Network public -Description {Prefix}-m");
            var address = Text(allocated, "Address");
            Track(Text(allocated, "Id"));
            Assert.Null(Prop(allocated, "PortId"));

            var associated = One($"Add-OSFloatingIP {Prefix}-m-vm -FloatingIP {address}");
            Assert.Equal(Text(allocated, "Id"), Text(associated, "Id"));
            Assert.StartsWith("10.92.0.", Text(associated, "FixedIPAddress"));

            Session.Run($"Get-OSFloatingIP {address} | Remove-OSFloatingIP -Confirm:$false").AssertNoErrors();
            var loose = One($"Get-OSFloatingIP -Id {Text(allocated, "Id")}");
            Assert.Null(Prop(loose, "PortId"));
            Assert.Null(Prop(loose, "FixedIPAddress"));
            Assert.Empty(Session.Run($"Get-OSServer {Prefix}-m-vm | Get-OSFloatingIP").AssertNoErrors().Output);

            Session.Run($"Remove-OSFloatingIP {address} -Release -Confirm:$false").AssertNoErrors();
            Assert.Equal($"NameNotFound,{Commands}GetOSFloatingIPCommand", Session.Run($"Get-OSFloatingIP {address}").SingleError().FullyQualifiedErrorId);
        }

        [CloudFact]
        public void A_server_with_two_ports_needs_Port_and_the_error_lists_them()
        {
            var net = RoutedNetwork("two", 93);
            Session.Run($"New-OSServer -Name {Prefix}-two-vm -Image los-fake-image -Flavor m1.tiny -Network {net},{net}").AssertNoErrors();
            var ports = Session.Run($"Get-OSPort -Server {Prefix}-two-vm | ForEach-Object Id").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            Assert.Equal(2, ports.Count);

            var error = Session.Run($"Get-OSServer {Prefix}-two-vm | Add-OSFloatingIP").SingleError();
            Assert.Equal($"BadRequest,{Commands}AddOSFloatingIPCommand", error.FullyQualifiedErrorId);
            Assert.All(ports, id => Assert.Contains(id!, error.ToString()));

            var ip = One($"Get-OSServer {Prefix}-two-vm | Add-OSFloatingIP -Port {ports[1]}");
            Track(Text(ip, "Id"));
            Assert.Equal(ports[1], Prop(ip, "PortId"));
        }

        [CloudFact]
        public void A_server_on_a_network_without_a_router_gets_Neutrons_reason_and_no_address_is_kept()
        {
            var net = NetworkWithSubnet("nr", "10.94.0.0/24");
            Session.Run($"New-OSServer -Name {Prefix}-nr-vm -Image los-fake-image -Flavor m1.tiny -Network {net}").AssertNoErrors();
            var before = Session.Run("@(Get-OSFloatingIP).Count").AssertNoErrors().Output.Single().BaseObject;

            var error = Session.Run($"Add-OSFloatingIP {Prefix}-nr-vm -Network public").SingleError();

            Assert.StartsWith("ResourceNotFound,", error.FullyQualifiedErrorId);
            Assert.Contains("not reachable", error.ToString());
            Assert.Equal(before, Session.Run("@(Get-OSFloatingIP).Count").AssertNoErrors().Output.Single().BaseObject);
        }

        [CloudFact]
        public void WhatIf_allocates_and_releases_nothing()
        {
            var allocated = One($"New-OSFloatingIP public -Description {Prefix}-w");
            Track(Text(allocated, "Id"));

            Session.Run($"New-OSFloatingIP public -WhatIf; Remove-OSFloatingIP {Text(allocated, "Address")} -Release -WhatIf").AssertNoErrors();

            Assert.Single(Session.Run($"Get-OSFloatingIP -Id {Text(allocated, "Id")}").AssertNoErrors().Output);
            Assert.Equal(1, Session.Run($"@(Get-OSFloatingIP | Where-Object Description -like '{Prefix}*').Count").AssertNoErrors().Output.Single().BaseObject);
        }
    }
}
