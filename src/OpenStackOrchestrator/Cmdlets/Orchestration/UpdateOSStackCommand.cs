using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Orchestration;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;
using Stack = OpenStackOrchestrator.Client.Orchestration.Stack;

namespace OpenStackOrchestrator.Cmdlets.Orchestration
{
    /// <summary>Update-OSStack: applies a new template and/or parameter values and waits until UPDATE_COMPLETE;
    /// -PreviewOnly shows what would change instead.</summary>
    [Cmdlet(VerbsData.Update, "OSStack", DefaultParameterSetName = "Current", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Stack), typeof(StackChange), typeof(OSTask))]
    public sealed class UpdateOSStackCommand : StackActionCmdlet
    {
        [Parameter(ParameterSetName = "File", Mandatory = true)]
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

        /// <summary>Parameters not given keep their current values (PATCH) instead of going back to their defaults.</summary>
        [Parameter]
        public SwitchParameter ExistingParameters { get; set; }

        /// <summary>Only show what the update would change (Heat's update preview); nothing is changed.</summary>
        [Parameter]
        public SwitchParameter PreviewOnly { get; set; }

        /// <summary>Seconds to wait at most: Heat fails the update after them (sent as whole minutes, rounded up), and
        /// the cmdlet stops waiting with a RequestTimeout error.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSec { get; set; }

        private StackRequest? _request;

        protected override string Activity => "Updating stacks";
        protected override string Operation => "Update stack";

        protected override void ProcessRecord()
        {
            try
            {
                _request = StackTemplateInput.Request(this, TemplateFile, Template, TemplateUrl, EnvironmentFile, Parameter);
            }
            catch (OpenStackException ex)
            {
                WriteFailure(ex, TemplateFile ?? TemplateUrl);
                return;
            }
            // Without a template the stack keeps its own, which only a PATCH does.
            _request.KeepExisting = ExistingParameters || ParameterSetName == "Current";
            if (TimeoutSec > 0) _request.TimeoutMinutes = StackTemplateInput.HeatMinutes(TimeoutSec);
            if (PreviewOnly)
                WritePreviews();
            else
                base.ProcessRecord();
        }

        private void WritePreviews()
        {
            foreach (var reference in Stack!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference, () =>
                {
                    var changes = Run(async ct =>
                    {
                        var stack = await StackLookup.FindAsync(reference, cloud, ct).ConfigureAwait(false);
                        return await cloud.Orchestration.PreviewUpdateAsync(stack, _request!, ct).ConfigureAwait(false);
                    });
                    foreach (var change in changes)
                        WriteTyped(change);
                });
            }
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Stack stack, OSTask task, CancellationToken ct)
        {
            var request = _request!;
            return await RunOperationAsync(cloud, stack, "UPDATE", TimeoutSec, task, ct, async () =>
            {
                await cloud.Orchestration.UpdateStackAsync(stack, request, ct).ConfigureAwait(false);
                task.OnStop("cancelled the stack update (Heat rolls it back)", c => cloud.Orchestration.StackActionAsync(stack, "cancel_update", c));
            }).ConfigureAwait(false);
        }
    }
}
