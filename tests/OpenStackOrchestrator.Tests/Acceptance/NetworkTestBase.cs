using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>A session connected to los-demo whose tests name everything they create with <see cref="Prefix"/>;
    /// Dispose removes all of it in dependency order: servers, floating IPs, router interfaces, routers, ports,
    /// networks (with their subnets), security groups.</summary>
    public abstract class NetworkTestBase : CloudTestBase
    {
        protected readonly ModuleSession Session = new ModuleSession();
        protected readonly string Prefix;
        /// <summary>Floating IPs a test allocated without a name to find them by (Add-OSFloatingIP).</summary>
        protected readonly List<string> FloatingIpIds = new List<string>();

        protected NetworkTestBase(string prefix)
        {
            Prefix = UniqueName(prefix);
            if (LocalCloud.IsAvailable)
                Session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            if (LocalCloud.IsAvailable)
                Session.Run($@"
                    $p = '{Prefix}'
                    $tracked = @({string.Join(", ", FloatingIpIds.Select(id => $"'{id}'"))})
                    Get-OSServer -Name ""$p*"" | Remove-OSServer -Confirm:$false
                    $routers = @(Get-OSRouter -Name ""$p*"")
                    Get-OSFloatingIP | Where-Object {{ $_.Id -in $tracked -or $_.RouterId -in $routers.Id -or $_.Description -like ""$p*"" }} |
                        Remove-OSFloatingIP -Release -Confirm:$false
                    $networks = @(Get-OSNetwork -Name ""$p*"")
                    $ports = @($networks | ForEach-Object {{ Get-OSPort -Network $_ }})
                    $ports | Where-Object DeviceOwner -eq 'network:router_interface' | ForEach-Object {{
                        Remove-OSRouterInterface -Router $_.DeviceId -Port $_.Id -Confirm:$false }}
                    $routers | Remove-OSRouter -Confirm:$false
                    $ports | Where-Object DeviceOwner -ne 'network:router_interface' | Remove-OSPort -Confirm:$false
                    $networks | Remove-OSNetwork -Confirm:$false
                    Get-OSSecurityGroup -Name ""$p*"" | Remove-OSSecurityGroup -Confirm:$false");
            Session.Dispose();
            base.Dispose();
        }

        /// <summary>Runs a script that must not fail and returns its single output object.</summary>
        protected PSObject One(string script) => Session.Run(script).AssertNoErrors().Output.Single();

        protected static object? Prop(PSObject o, string name) => o.Properties[name].Value;

        protected static string Text(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

        /// <summary>A network of this test with one IPv4 subnet; returns the network's name.</summary>
        protected string NetworkWithSubnet(string suffix, string cidr)
        {
            var name = $"{Prefix}-{suffix}";
            Session.Run($"New-OSNetwork {name} | New-OSSubnet -Name {name}-sub -Cidr {cidr}").AssertNoErrors();
            return name;
        }
    }
}
