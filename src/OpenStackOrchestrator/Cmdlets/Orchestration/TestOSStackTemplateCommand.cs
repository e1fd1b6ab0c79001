using System.Collections;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Test-OSStackTemplate: has Heat validate a template (with what it references and its environments)
    /// without creating anything; writes the parameters the template expects, or an error saying what is wrong.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "OSStackTemplate", DefaultParameterSetName = "File")]
    [OutputType(typeof(StackTemplateParameter))]
    public sealed class TestOSStackTemplateCommand : OSCloudCmdlet
    {
        [Parameter(ParameterSetName = "File", Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? TemplateFile { get; set; }

        [Parameter(ParameterSetName = "Text", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Template { get; set; }

        [Parameter(ParameterSetName = "Url", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? TemplateUrl { get; set; }

        [Parameter]
        public Hashtable? Parameter { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? EnvironmentFile { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            Try(TemplateFile ?? TemplateUrl ?? "template", () =>
            {
                var request = StackTemplateInput.Request(this, TemplateFile, Template, TemplateUrl, EnvironmentFile, Parameter);
                foreach (var parameter in Run(ct => cloud.Orchestration.ValidateTemplateAsync(request, ct)))
                    WriteTyped(parameter, TypeNames.StackTemplateParameter);
            });
        }
    }
}
