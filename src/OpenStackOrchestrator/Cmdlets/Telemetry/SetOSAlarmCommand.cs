using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Set-OSAlarm: changes alarms' threshold rule, actions, severity, description or name, enables and
    /// disables them (Aodh takes the whole alarm back: it is read, changed and written with PUT), and -State sets the
    /// state by hand. Returns the alarms as they now are.</summary>
    [Cmdlet(VerbsCommon.Set, "OSAlarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Alarm))]
    public sealed class SetOSAlarmCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Telemetry.Alarm.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Alarm>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Alarm { get; set; }

        [Parameter]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public double? Threshold { get; set; }

        [Parameter]
        [ValidateSet("lt", "le", "eq", "ne", "ge", "gt")]
        public string? ComparisonOperator { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Aggregation { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Granularity { get; set; }

        [Parameter]
        [ValidateRange(1, 1000)]
        public int? EvaluationPeriods { get; set; }

        /// <summary>The URLs called when it fires (replace the old ones; @() removes them all).</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[]? AlarmAction { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[]? OkAction { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[]? InsufficientDataAction { get; set; }

        [Parameter]
        public bool? RepeatActions { get; set; }

        [Parameter]
        [ValidateSet("low", "moderate", "critical")]
        public string? Severity { get; set; }

        [Parameter]
        public bool? Enabled { get; set; }

        /// <summary>Sets the state by hand (the evaluator sets it again on its next run when the measures disagree).</summary>
        [Parameter]
        [ValidateSet("alarm", "ok", "insufficient_data")]
        public string? State { get; set; }

        protected override void ProcessRecord()
        {
            var definition = Client.Telemetry.Alarm.Definition;
            var changes = Changes();
            foreach (var reference in Alarm!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                // Read first (before -WhatIf and -Confirm), so that both report a missing alarm or a rule misfit as the real run would.
                Alarm? alarm = null;
                Try(reference, () => alarm = Run(async ct =>
                    await cloud.GetResourceAsync(definition, await reference.IdOnAsync(cloud, definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
                if (alarm == null)
                    continue;
                if (Misfit(alarm) is string misfit)
                {
                    WriteError(new ErrorRecord(new AlarmArgumentException(AlarmArgumentException.Mismatch, misfit), AlarmArgumentException.Mismatch, ErrorCategory.InvalidArgument, reference));
                    continue;
                }
                if (!ShouldProcess($"{alarm.Name} ({alarm.Id}) on {cloud.Name}", Action(changes)))
                    continue;
                Try(reference, () => WriteTyped(Run(async ct =>
                {
                    var changed = alarm!;
                    if (changes.Count > 0)
                        changed = await Client.Telemetry.Alarm.UpdateAsync(cloud, alarm!.Id, (body, rule) => Apply(body, rule), ct).ConfigureAwait(false);
                    if (State != null)
                        changed = await Client.Telemetry.Alarm.SetStateAsync(cloud, alarm!.Id, State, ct).ConfigureAwait(false);
                    return changed;
                }), definition.TypeName));
            }
        }

        private List<string> Changes() =>
            new[] { "Name", "Description", "Threshold", "ComparisonOperator", "Aggregation", "Granularity", "EvaluationPeriods", "AlarmAction", "OkAction",
                    "InsufficientDataAction", "RepeatActions", "Severity", "Enabled" }
                .Where(p => MyInvocation.BoundParameters.ContainsKey(p)).ToList();

        private string Action(List<string> changes)
        {
            var parts = changes.Select(c => "-" + c).ToList();
            if (State != null)
                parts.Add($"state {State}");
            return parts.Count == 0 ? "Read alarm (nothing to change)" : "Set alarm " + string.Join(", ", parts);
        }

        /// <summary>Threshold parameters on an alarm without a threshold rule (a composite or event alarm).</summary>
        private string? Misfit(Alarm alarm)
        {
            var given = AlarmArguments.ThresholdParameters.Where(p => MyInvocation.BoundParameters.ContainsKey(p)).ToList();
            return given.Count > 0 && alarm.Rule == null
                ? $"The {alarm.Type} alarm '{alarm.Name}' has no threshold rule: {string.Join(", ", given.Select(p => "-" + p))} do not apply to it."
                : null;
        }

        private void Apply(JsonObject body, JsonObject? rule)
        {
            if (Name != null) body["name"] = Name;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Description))) body["description"] = Description;
            if (Severity != null) body["severity"] = Severity.ToLowerInvariant();
            if (Enabled.HasValue) body["enabled"] = Enabled.Value;
            if (RepeatActions.HasValue) body["repeat_actions"] = RepeatActions.Value;
            if (AlarmAction != null) body["alarm_actions"] = AlarmSpec.Strings(AlarmAction);
            if (OkAction != null) body["ok_actions"] = AlarmSpec.Strings(OkAction);
            if (InsufficientDataAction != null) body["insufficient_data_actions"] = AlarmSpec.Strings(InsufficientDataAction);
            if (rule == null)
                return;
            if (Threshold.HasValue) rule["threshold"] = Threshold.Value;
            if (ComparisonOperator != null) rule["comparison_operator"] = ComparisonOperator;
            if (Aggregation != null) rule["aggregation_method"] = Aggregation;
            if (Granularity.HasValue) rule["granularity"] = Granularity.Value;
            if (EvaluationPeriods.HasValue) rule["evaluation_periods"] = EvaluationPeriods.Value;
        }
    }
}
