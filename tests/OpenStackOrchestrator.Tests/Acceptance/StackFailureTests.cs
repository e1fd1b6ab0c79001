using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Templates that fail: in Heat (a resource that fails, a flavor that does not exist, an unknown
    /// property) or here (a file that is missing), each with an error that says what and why.</summary>
    public class StackFailureTests : StackTestBase
    {
        public StackFailureTests() : base("oso-stf") { }

        [CloudFact]
        public void A_failed_create_names_the_failed_resource_and_its_reason_and_leaves_the_stack_to_inspect()
        {
            var name = Prefix + "-fail";

            var error = Session.Run($"New-OSStack {name} -TemplateFile {Template("failing.yaml")}").SingleError();

            Assert.Equal("StackFailed,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            var message = error.ToString();
            Assert.Contains($"Stack '{name}'", message);
            Assert.Contains("CREATE_FAILED", message);
            Assert.Contains("broken (OS::Heat::TestResource) CREATE_FAILED: ValueError: resources.broken: Test Resource failed broken", message);
            Assert.DoesNotContain("fine (", message);
            var failed = (System.Collections.IEnumerable)PSObject.AsPSObject(error.Exception).Properties["FailedResources"].Value;
            Assert.Equal(new[] { "broken" }, failed.Cast<object>().Select(r => PSObject.AsPSObject(r).Properties["Name"].Value.ToString()));
            Assert.Equal("CREATE_FAILED", Text(One($"Get-OSStack {name}"), "Status"));
        }

        [CloudFact]
        public void A_server_with_a_flavor_that_does_not_exist_is_refused_and_no_stack_is_left()
        {
            var name = Prefix + "-flavor";

            var error = Session.Run($"New-OSStack {name} -TemplateFile {Template("bad-flavor.yaml")}").SingleError();

            Assert.Equal("BadRequest,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand", error.FullyQualifiedErrorId);
            Assert.Contains("resources.server.properties.flavor", error.ToString());
            Assert.Contains("no-such-flavor", error.ToString());
            Assert.Empty(Session.Run($"Get-OSStack -Name '{name}*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Test_OSStackTemplate_lists_the_parameters_of_a_valid_template_and_names_the_fault_of_an_invalid_one()
        {
            var parameters = Session.Run($"Test-OSStackTemplate {Template("app.yaml")} -EnvironmentFile {Template("env/app-env.yaml")}").AssertNoErrors().Output;
            Assert.All(parameters, p => Assert.Equal("OpenStackOrchestrator.StackTemplateParameter", p.TypeNames[0]));
            Assert.Equal(new[] { "cidr", "flavor", "greeting", "image", "length" }, parameters.Select(p => Text(p, "Name")).OrderBy(n => n));
            var length = parameters.Single(p => Text(p, "Name") == "length");
            Assert.Equal("Number", Text(length, "Type"));
            Assert.Equal(8L, length.Properties["Default"].Value);

            var error = Session.Run($"Test-OSStackTemplate {Template("invalid-property.yaml")}").SingleError();
            Assert.Equal("BadRequest,OpenStackOrchestrator.Cmdlets.Orchestration.TestOSStackTemplateCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Unknown Property lenght", error.ToString());
        }

        [CloudFact]
        public void A_missing_local_file_is_reported_before_anything_is_sent()
        {
            var name = Prefix + "-missing";
            Session.UI.Clear();

            var error = Session.Run($"New-OSStack {name} -Template \"heat_template_version: 2018-08-31`nresources:`n  web: {{type: lib/nowhere.yaml}}\" -Debug").SingleError();

            Assert.Equal("InvalidTemplate,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("'lib/nowhere.yaml'", error.ToString());
            Assert.Contains("does not exist", error.ToString());
            Assert.DoesNotContain(Session.UI.DebugLines, l => l.StartsWith("REQ: "));
        }
    }
}
