using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>One stack with a server on a network it creates, a volume, a random string, a resource group of
    /// nested templates and a nested template mapped by an environment, through its whole life.</summary>
    public class StackLifecycleTests : StackTestBase
    {
        public StackLifecycleTests() : base("oso-stk") { }

        private string Output(string stack, string name) => One($"Get-OSStackOutput {stack} -Name {name}").ToString();

        [CloudFact]
        public void A_stack_is_created_read_updated_previewed_suspended_resumed_and_removed()
        {
            var name = Prefix + "-app";
            var environment = $"-EnvironmentFile {Template("env/app-env.yaml")}";

            Session.UI.Clear();
            var created = One($"New-OSStack {name} -TemplateFile {Template("app.yaml")} {environment} -Parameter @{{ length = 6 }} -Tag oso, test");
            Assert.Equal("OpenStackOrchestrator.Stack", created.TypeNames[0]);
            Assert.Equal("CREATE_COMPLETE", Text(created, "Status"));
            Assert.Equal(new[] { "oso", "test" }, (string[])created.Properties["Tags"].Value);
            // The progress bar showed the resources' events as they came.
            Assert.Contains(Session.UI.Progress, p => p.StatusDescription != null && p.StatusDescription.StartsWith(name + ": ") && p.StatusDescription.Contains(" CREATE_") && p.StatusDescription.Contains("resources)"));

            // Outputs as objects, and one value with -Name.
            var outputs = Session.Run($"Get-OSStackOutput {name}").AssertNoErrors().Output;
            Assert.All(outputs, o => Assert.Equal("OpenStackOrchestrator.StackOutput", o.TypeNames[0]));
            Assert.Equal(new[] { "extra_greeting", "member_greetings", "random_value", "server_id", "volume_id" }, outputs.Select(o => Text(o, "Name")).OrderBy(n => n));
            Assert.Equal(6, Output(name, "random_value").Length);
            // A nested template mapped by the environment's registry, reading a file with get_file, with a parameter from the environment.
            Assert.Equal("member 99 says hi: stacks all the way down", Output(name, "extra_greeting"));
            // A list output is written item by item: one per member of the resource group (type: lib/member.yaml).
            Assert.Equal(new[] { "member 0 says hi: stacks all the way down", "member 1 says hi: stacks all the way down" },
                Session.Run($"Get-OSStackOutput {name} member_greetings").AssertNoErrors().Output.Select(o => o.ToString()));
            var serverId = Output(name, "server_id");
            Assert.Equal("ACTIVE", Text(One($"Get-OSServer -Id {serverId}"), "Status"));

            // Resources, with what they created, and those of the nested stacks.
            var resources = Session.Run($"Get-OSStackResource {name}").AssertNoErrors().Output;
            Assert.Equal(new[] { "extra", "members", "net", "port", "random", "server", "subnet", "volume" }, resources.Select(r => Text(r, "Name")).OrderBy(n => n));
            Assert.All(resources, r => Assert.Equal("CREATE_COMPLETE", Text(r, "Status")));
            Assert.Equal(serverId, Text(resources.Single(r => Text(r, "Name") == "server"), "PhysicalId"));
            Assert.Equal(Output(name, "volume_id"), Text(One($"Get-OSStackResource {name} volume"), "PhysicalId"));
            var nested = Session.Run($"Get-OSStack {name} | Get-OSStackResource -Name motto -NestedDepth 2").AssertNoErrors().Output;
            Assert.Equal(3, nested.Count);
            Assert.All(nested, r => Assert.NotEqual(name, Text(r, "StackName")));

            // Get-OSStack: a name reads it in full; wildcards and statuses list; -Nested adds the nested stacks.
            var read = One($"Get-OSStack {name}");
            var parameters = (IReadOnlyDictionary<string, string>)read.Properties["Parameters"].Value;
            Assert.Equal("6", parameters["length"]);
            Assert.Equal("hi", parameters["greeting"]);
            Assert.Equal(5, ((IReadOnlyCollection<object>)read.Properties["Outputs"].Value).Count);
            Assert.Single(Session.Run($"Get-OSStack -Name '{Prefix}*' -Status CREATE_*").AssertNoErrors().Output);
            Assert.Empty(Session.Run($"Get-OSStack -Name '{Prefix}*' -Status *_FAILED").AssertNoErrors().Output);
            Assert.Equal(5, Session.Run($"Get-OSStack -Name '{Prefix}*' -Nested").AssertNoErrors().Output.Count);

            // The preview shows the changes and makes none.
            var random = Output(name, "random_value");
            var changes = Session.Run($"Update-OSStack {name} -ExistingParameters -Parameter @{{ length = 12 }} -PreviewOnly").AssertNoErrors().Output;
            Assert.All(changes, c => Assert.Equal("OpenStackOrchestrator.StackChange", c.TypeNames[0]));
            Assert.Contains(changes, c => Text(c, "Change") == "Replaced" && Text(c, "ResourceName") == "random");
            Assert.Equal(random, Output(name, "random_value"));

            // -ExistingParameters keeps what is not given; a new template without it takes the defaults again.
            Assert.Equal("UPDATE_COMPLETE", Text(One($"Update-OSStack {name} -ExistingParameters -Parameter @{{ length = 12 }}"), "Status"));
            Assert.Equal(12, Output(name, "random_value").Length);
            Assert.Equal("member 99 says hi: stacks all the way down", Output(name, "extra_greeting"));
            Assert.Equal("UPDATE_COMPLETE", Text(One($"Get-OSStack {name} | Update-OSStack -TemplateFile {Template("app.yaml")} {environment}"), "Status"));
            Assert.Equal(8, Output(name, "random_value").Length);

            Assert.Equal("SUSPEND_COMPLETE", Text(One($"Suspend-OSStack {name}"), "Status"));
            Assert.Equal("SUSPENDED", Text(One($"Get-OSServer -Id {serverId}"), "Status"));
            Assert.Equal("RESUME_COMPLETE", Text(One($"Resume-OSStack {name}"), "Status"));
            Assert.Equal("ACTIVE", Text(One($"Get-OSServer -Id {serverId}"), "Status"));

            // Events, oldest first, of the resources and of the stack itself.
            var events = Session.Run($"Get-OSStackEvent {name}").AssertNoErrors().Output;
            Assert.All(events, e => Assert.Equal("OpenStackOrchestrator.StackEvent", e.TypeNames[0]));
            Assert.Contains(events, e => Text(e, "ResourceName") == "server" && Text(e, "Status") == "CREATE_COMPLETE");
            var stackStatuses = events.Where(e => (bool)e.Properties["IsStackEvent"].Value).Select(e => Text(e, "Status")).ToList();
            Assert.Equal(new[] { "CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_COMPLETE", "SUSPEND_COMPLETE", "RESUME_COMPLETE" }, stackStatuses.Where(s => s.EndsWith("_COMPLETE")));
            Assert.Equal(events.Select(e => (DateTime)e.Properties["Time"].Value).OrderBy(t => t), events.Select(e => (DateTime)e.Properties["Time"].Value));

            Assert.Contains("server", ((IDictionary<string, object>)((PSObject)One($"(Get-OSStackTemplate {name}).resources")).BaseObject).Keys);
            Assert.Equal("2018-08-31", JsonDocument.Parse(One($"Get-OSStackTemplate {name} -AsJson").ToString()).RootElement.GetProperty("heat_template_version").GetString());

            Session.Run($"Get-OSStack {name} | Remove-OSStack -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSStack {name}").SingleError().CategoryInfo.Category);
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSServer -Id {serverId}").SingleError().CategoryInfo.Category);
        }
    }
}
