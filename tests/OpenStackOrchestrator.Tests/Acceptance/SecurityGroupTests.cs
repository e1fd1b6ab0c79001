using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Security groups and their rules built from the pipeline, and Neutron's refusals.</summary>
    public class SecurityGroupTests : NetworkTestBase
    {
        private const string Commands = "OpenStackOrchestrator.Cmdlets.Networking.";

        public SecurityGroupTests() : base("oso-sg") { }

        private string RuleLine(PSObject rule) =>
            $"{Prop(rule, "Direction")} {Prop(rule, "EtherType")} {Prop(rule, "Protocol")} {Prop(rule, "PortRange")} {Prop(rule, "RemoteIPPrefix")}{Prop(rule, "RemoteGroupId")}";

        [CloudFact]
        public void A_group_and_its_rules_go_through_their_whole_life()
        {
            var group = One($"New-OSSecurityGroup {Prefix}-web -Description 'web servers'");
            var groupId = Text(group, "Id");
            Assert.Equal("OpenStackOrchestrator.SecurityGroup", group.TypeNames[0]);
            Assert.Equal("web servers", Prop(group, "Description"));
            Assert.Equal(2, ((System.Collections.ICollection)Prop(group, "Rules")!).Count);   // Neutron's two egress rules

            var https = One($"Get-OSSecurityGroup {Prefix}-web | New-OSSecurityGroupRule -Port 443");
            Assert.Equal("OpenStackOrchestrator.SecurityGroupRule", https.TypeNames[0]);
            Assert.Equal("ingress IPv4 tcp 443 ", RuleLine(https));
            Assert.Equal(groupId, Prop(https, "SecurityGroupId"));

            var range = One($"New-OSSecurityGroupRule {Prefix}-web -Protocol udp -PortRange 8000-8100 -RemoteIPPrefix 203.0.113.0/24");
            Assert.Equal("ingress IPv4 udp 8000-8100 203.0.113.0/24", RuleLine(range));
            var v6 = One($"New-OSSecurityGroupRule {Prefix}-web -Port 22 -RemoteIPPrefix 2001:db8::/32");
            Assert.Equal("ingress IPv6 tcp 22 2001:db8::/32", RuleLine(v6));
            var members = One($"New-OSSecurityGroupRule {Prefix}-web -RemoteGroup {Prefix}-web");
            Assert.Equal($"ingress IPv4 any any {groupId}", RuleLine(members));
            var egress = One($"New-OSSecurityGroupRule {Prefix}-web -Direction Egress -Protocol icmp -EtherType IPv4 -RemoteIPPrefix 198.51.100.0/24");
            Assert.Equal("egress IPv4 icmp any 198.51.100.0/24", RuleLine(egress));

            var ingress = Session.Run($"Get-OSSecurityGroupRule {Prefix}-web -Direction Ingress").AssertNoErrors().Output;
            Assert.Equal(4, ingress.Count);
            Assert.Equal(7, ((System.Collections.ICollection)Prop(One($"Get-OSSecurityGroup {Prefix}-web"), "Rules")!).Count);   // 2 egress + 5 added
            Assert.Equal(Text(range, "Id"), Text(One($"Get-OSSecurityGroupRule -Id {Text(range, "Id")}"), "Id"));

            Session.Run($"Get-OSSecurityGroupRule {Prefix}-web -Protocol udp | Remove-OSSecurityGroupRule -Confirm:$false").AssertNoErrors();
            Assert.Equal(3, Session.Run($"Get-OSSecurityGroupRule {Prefix}-web -Direction Ingress").AssertNoErrors().Output.Count);

            Session.Run($"Get-OSSecurityGroup {Prefix}-web | Remove-OSSecurityGroup -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSSecurityGroup {Prefix}-web").SingleError().CategoryInfo.Category);
        }

        [CloudFact]
        public void A_rule_that_already_exists_is_a_Conflict_naming_the_existing_rule()
        {
            Session.Run($"New-OSSecurityGroup {Prefix}-dup").AssertNoErrors();
            var first = Text(One($"Get-OSSecurityGroup {Prefix}-dup | New-OSSecurityGroupRule -Port 22"), "Id");

            var error = Session.Run($"Get-OSSecurityGroup {Prefix}-dup | New-OSSecurityGroupRule -Port 22").SingleError();

            Assert.Equal($"Conflict,{Commands}NewOSSecurityGroupRuleCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains("already exists", error.ToString());
            Assert.Contains(first, error.ToString());
            Assert.Matches("request id req-[0-9a-f-]+", error.ToString());
        }

        [CloudFact]
        public void Contradictory_rule_arguments_are_refused_before_anything_is_sent()
        {
            Session.Run($"New-OSSecurityGroup {Prefix}-bad").AssertNoErrors();

            var errors = Session.Run($@"
                New-OSSecurityGroupRule {Prefix}-bad -Port 22 -PortRange 20-30
                New-OSSecurityGroupRule {Prefix}-bad -Protocol icmp -Port 8
                New-OSSecurityGroupRule {Prefix}-bad -PortRange 30-20
                New-OSSecurityGroupRule {Prefix}-bad -RemoteIPPrefix 10.0.0.0/8 -RemoteGroup {Prefix}-bad").Errors;

            Assert.Equal(4, errors.Count);
            Assert.All(errors, e => Assert.Equal($"InvalidArgument,{Commands}NewOSSecurityGroupRuleCommand", e.FullyQualifiedErrorId));
            Assert.Equal(2, Session.Run($"Get-OSSecurityGroupRule {Prefix}-bad").AssertNoErrors().Output.Count);
        }

        [CloudFact]
        public void Two_groups_with_one_name_are_ambiguous_and_the_error_lists_both_ids()
        {
            var ids = Session.Run($"(New-OSSecurityGroup {Prefix}-twin).Id; (New-OSSecurityGroup {Prefix}-twin).Id").AssertNoErrors().Output.Select(o => o.ToString()).ToList();

            var error = Session.Run($"New-OSSecurityGroupRule {Prefix}-twin -Port 80").SingleError();

            Assert.Equal($"AmbiguousName,{Commands}NewOSSecurityGroupRuleCommand", error.FullyQualifiedErrorId);
            Assert.All(ids, id => Assert.Contains(id!, error.ToString()));
            Assert.Equal(2, Session.Run($"Get-OSSecurityGroup {Prefix}-twin").AssertNoErrors().Output.Count);
        }

        [CloudFact]
        public void WhatIf_adds_and_removes_nothing()
        {
            Session.Run($"New-OSSecurityGroup {Prefix}-w").AssertNoErrors();

            Session.Run($"Get-OSSecurityGroup {Prefix}-w | New-OSSecurityGroupRule -Port 443 -WhatIf").AssertNoErrors();
            Session.Run($"Get-OSSecurityGroupRule {Prefix}-w | Remove-OSSecurityGroupRule -WhatIf; Remove-OSSecurityGroup {Prefix}-w -WhatIf").AssertNoErrors();

            Assert.Equal(2, Session.Run($"Get-OSSecurityGroupRule {Prefix}-w").AssertNoErrors().Output.Count);
            Assert.Contains("What if", Session.Render($"New-OSSecurityGroupRule {Prefix}-w -Port 443 -WhatIf"));
            Assert.Contains("ingress IPv4 tcp port 443 from anywhere", Session.Render($"New-OSSecurityGroupRule {Prefix}-w -Port 443 -WhatIf"));
        }

        [CloudFact]
        public void Rules_read_as_a_table()
        {
            Session.Run($"New-OSSecurityGroup {Prefix}-t | New-OSSecurityGroupRule -PortRange 8000-8100 -RemoteIPPrefix 203.0.113.0/24").AssertNoErrors();

            var table = Session.Render($"Get-OSSecurityGroupRule {Prefix}-t -Direction Ingress");

            Assert.Matches(@"Direction\s+EtherType\s+Protocol\s+PortRange\s+Remote\s+Description\s+Id", table);
            Assert.Matches(@"ingress\s+IPv4\s+tcp\s+8000-8100\s+203\.0\.113\.0/24\s+[0-9a-f-]{36}", table);
            Assert.Matches(@"Name\s+Rules\s+Description\s+Id", Session.Render($"Get-OSSecurityGroup {Prefix}-t"));
        }
    }
}
