using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;
using Stack = OpenStackOrchestrator.Client.Orchestration.Stack;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>New-OSStack: creates a Heat stack from a template (with what it references bundled, as the openstack
    /// CLI does) and waits until it is CREATE_COMPLETE, showing its events; a failure names the failed resources. With
    /// -AdoptFile the stack adopts live resources instead (ADOPT_COMPLETE).</summary>
    [Cmdlet(VerbsCommon.New, "OSStack", DefaultParameterSetName = "File", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Stack), typeof(OSTask))]
    public sealed class NewOSStackCommand : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A template file (YAML or JSON); files it references are read relative to its folder.</summary>
        [Parameter(ParameterSetName = "File", Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? TemplateFile { get; set; }

        /// <summary>The template itself as text (YAML or JSON); files it references are read relative to the current location.</summary>
        [Parameter(ParameterSetName = "Text", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Template { get; set; }

        /// <summary>A URL Heat fetches the template from itself.</summary>
        [Parameter(ParameterSetName = "Url", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? TemplateUrl { get; set; }

        /// <summary>Heat's stack-adopt data (Export-OSStackTemplate -ForAdopt writes it): the stack takes over the live
        /// resources it names, with their ids, instead of creating new ones. Needs enable_stack_adopt in Heat.</summary>
        [Parameter(ParameterSetName = "Adopt", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? AdoptFile { get; set; }

        [Parameter]
        public Hashtable? Parameter { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? EnvironmentFile { get; set; }

        /// <summary>Seconds to wait at most: Heat fails the creation after them (sent as whole minutes, rounded up; its
        /// default is 60 minutes), and the cmdlet stops waiting with a RequestTimeout error.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        protected override string Activity => "Creating stacks";

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} on {cloud.Name}", "Create stack"))
                return;
            Try(Name, () =>
            {
                var request = StackTemplateInput.Request(this, TemplateFile, Template, TemplateUrl, EnvironmentFile, Parameter);
                var action = "CREATE";
                if (AdoptFile != null)
                {
                    request.AdoptStackData = StackTemplateInput.AdoptData(GetUnresolvedProviderPathFromPSPath(AdoptFile), out var resources);
                    request.ExpectedResources = resources;
                    action = "ADOPT";
                }
                if (TimeoutSec > 0) request.TimeoutMinutes = StackTemplateInput.HeatMinutes(TimeoutSec);
                foreach (var tag in Tag ?? new string[0]) request.Tags.Add(tag);
                Launch("New-OSStack", Name!, cloud, (task, ct) => CreateAndWaitAsync(cloud, Name!, request, action, TimeoutSec, task, ct));
            });
        }

        private static async Task<object?> CreateAndWaitAsync(CloudConnection cloud, string name, StackRequest request, string action, int timeoutSec, OSTask task, CancellationToken ct)
        {
            task.Report(5, "requested");
            var id = await cloud.Orchestration.CreateStackAsync(name, request, ct).ConfigureAwait(false);
            var stack = await cloud.Orchestration.GetStackAsync(name, id, ct).ConfigureAwait(false);
            var progress = new StackProgress(task, Math.Max(request.Bundle.ResourceCount, request.ExpectedResources));
            return await cloud.Orchestration.WaitForStackAsync(stack, action, null, progress.OnEvent, StackTemplateInput.WaitLimit(timeoutSec), ct).ConfigureAwait(false);
        }
    }
}
