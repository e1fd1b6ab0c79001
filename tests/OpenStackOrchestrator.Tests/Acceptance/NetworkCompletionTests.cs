using System.Linq;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Tab completion of live network, subnet, router and security group names.</summary>
    public class NetworkCompletionTests : NetworkTestBase
    {
        public NetworkCompletionTests() : base("oso-cmp") { }

        private string[] Complete(string line) =>
            Session.Run($"(TabExpansion2 -inputScript '{line.Replace("'", "''")}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Where(o => o != null).Select(o => o.ToString()).ToArray();

        [CloudFact]
        public void Network_subnet_router_and_security_group_names_complete()
        {
            var net = NetworkWithSubnet("n", "10.121.0.0/24");
            Session.Run($"New-OSRouter {Prefix}-r; New-OSSecurityGroup {Prefix}-sg").AssertNoErrors();

            Assert.Equal(new[] { net }, Complete($"Get-OSNetwork {Prefix}-"));
            Assert.Equal(new[] { "public" }, Complete("New-OSRouter x -ExternalNetwork pub"));
            Assert.Equal(new[] { net + "-sub" }, Complete($"Remove-OSSubnet {Prefix}-n-"));
            Assert.Equal(new[] { Prefix + "-r" }, Complete($"Add-OSRouterInterface -Router {Prefix}-"));
            Assert.Equal(new[] { Prefix + "-sg" }, Complete($"Get-OSSecurityGroup {Prefix}-"));
            Assert.Equal(new[] { Prefix + "-sg" }, Complete($"New-OSPort -Network {net} -SecurityGroup {Prefix}-"));
        }
    }
}
