using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>New-OSAlarm: creates an Aodh alarm over Gnocchi measures: a threshold on one resource's metric
    /// (-ResourceId, -Metric), on an aggregation over the resources a Gnocchi query selects (-Query, -Metric), or a
    /// composite of rules (-CompositeRule). The type follows from those parameters (or -Type); a parameter that does not
    /// fit the type is an AlarmRuleMismatch error before any request.</summary>
    [Cmdlet(VerbsCommon.New, "OSAlarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Alarm))]
    public sealed class NewOSAlarmCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Alarm.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The alarm type; by default the one the rule parameters given make (-CompositeRule: composite,
        /// -Query: gnocchi_aggregation_by_resources_threshold, else gnocchi_resources_threshold).</summary>
        [Parameter]
        [ValidateSet(Alarm.ResourcesThreshold, Alarm.AggregationByResourcesThreshold, Alarm.Composite)]
        public string? Type { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The metric's name on the resource(s) (cpu, memory.usage, a custom metric's name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Metric { get; set; }

        /// <summary>The Gnocchi resource (its id or original id: a server's id for an instance resource).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        /// <summary>The Gnocchi resource type (instance, volume, generic...); default generic.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResourceType { get; set; }

        /// <summary>A Gnocchi resource search: a hashtable (@{ '=' = @{ server_group = 'web' } }) or its JSON text.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Query { get; set; }

        /// <summary>The rule of a composite alarm: a hashtable (@{ or = @(rule1, rule2) }) or its JSON text; each
        /// sub-rule has a type and that type's fields (threshold, metric, resource_id...).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? CompositeRule { get; set; }

        [Parameter]
        public double? Threshold { get; set; }

        /// <summary>How the measure compares with the threshold to fire; default gt.</summary>
        [Parameter]
        [ValidateSet("lt", "le", "eq", "ne", "ge", "gt")]
        public string? ComparisonOperator { get; set; }

        /// <summary>The aggregation method read from Gnocchi (mean, max, min, sum, count, last, rate:mean...); default mean.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Aggregation { get; set; }

        /// <summary>Seconds; one of the granularities of the metric's archive policy (default 300).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Granularity { get; set; }

        /// <summary>How many consecutive periods must cross the threshold (default 1).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int? EvaluationPeriods { get; set; }

        /// <summary>URLs called when the alarm fires (http(s)://, a ScalingPolicy's alarm_url, trust+http://...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AlarmAction { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? OkAction { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? InsufficientDataAction { get; set; }

        /// <summary>Call the actions on every evaluation while the state holds, not only when it changes.</summary>
        [Parameter]
        public SwitchParameter RepeatActions { get; set; }

        [Parameter]
        [ValidateSet("low", "moderate", "critical")]
        public string? Severity { get; set; }

        /// <summary>$false: create it disabled (not evaluated).</summary>
        [Parameter]
        public bool? Enabled { get; set; }

        protected override void ProcessRecord()
        {
            AlarmSpec spec;
            try
            {
                spec = Spec();
            }
            catch (AlarmArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, Name));
                return;
            }
            catch (InvalidInputException ex)
            {
                WriteError(ex.ErrorRecord);
                return;
            }
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} ({spec.Type}) on {cloud.Name}", "Create alarm"))
                return;
            Try(Name, () => WriteTyped(Run(ct => Alarm.CreateAsync(cloud, spec, ct)), Alarm.Definition.TypeName));
        }

        private AlarmSpec Spec()
        {
            var type = Type ?? (CompositeRule != null ? Alarm.Composite : Query != null ? Alarm.AggregationByResourcesThreshold : Alarm.ResourcesThreshold);
            var given = MyInvocation.BoundParameters.Keys;
            var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var required = new List<string>();
            switch (type)
            {
                case Alarm.Composite:
                    allowed.Add(nameof(CompositeRule));
                    required.Add(nameof(CompositeRule));
                    break;
                case Alarm.AggregationByResourcesThreshold:
                    allowed.UnionWith(new[] { nameof(Query), nameof(Metric), nameof(ResourceType) });
                    allowed.UnionWith(AlarmArguments.ThresholdParameters);
                    required.AddRange(new[] { nameof(Query), nameof(Metric), nameof(Threshold) });
                    break;
                default:
                    allowed.UnionWith(new[] { nameof(ResourceId), nameof(Metric), nameof(ResourceType) });
                    allowed.UnionWith(AlarmArguments.ThresholdParameters);
                    required.AddRange(new[] { nameof(ResourceId), nameof(Metric), nameof(Threshold) });
                    break;
            }
            var ruleParameters = new[] { nameof(Metric), nameof(ResourceId), nameof(ResourceType), nameof(Query), nameof(CompositeRule) }.Concat(AlarmArguments.ThresholdParameters);
            var misfits = ruleParameters.Where(p => given.Contains(p) && !allowed.Contains(p)).ToList();
            if (misfits.Count > 0)
                throw new AlarmArgumentException(AlarmArgumentException.Mismatch, $"A {type} alarm takes no {string.Join(", ", misfits.Select(p => "-" + p))}: " +
                    $"its rule takes {string.Join(", ", allowed.OrderBy(p => p).Select(p => "-" + p))}.");
            var missing = required.Where(p => !given.Contains(p)).ToList();
            if (missing.Count > 0)
                throw new AlarmArgumentException(AlarmArgumentException.Incomplete, $"A {type} alarm needs {string.Join(", ", missing.Select(p => "-" + p))}.");
            return new AlarmSpec
            {
                Name = Name!,
                Type = type,
                Description = Description,
                Metric = Metric,
                ResourceId = ResourceId,
                ResourceType = type == Alarm.Composite ? null : ResourceType ?? "generic",
                Query = Query == null ? null : AlarmArguments.Json(Query, nameof(Query)),
                CompositeRule = CompositeRule == null ? null : AlarmArguments.Json(CompositeRule, nameof(CompositeRule)),
                Threshold = Threshold,
                ComparisonOperator = type == Alarm.Composite ? null : ComparisonOperator ?? "gt",
                Aggregation = type == Alarm.Composite ? null : Aggregation ?? "mean",
                Granularity = type == Alarm.Composite ? null : Granularity ?? 300,
                EvaluationPeriods = type == Alarm.Composite ? null : EvaluationPeriods ?? 1,
                AlarmActions = AlarmAction,
                OkActions = OkAction,
                InsufficientDataActions = InsufficientDataAction,
                RepeatActions = RepeatActions ? true : (bool?)null,
                Severity = Severity?.ToLowerInvariant(),
                Enabled = Enabled,
            };
        }
    }

    /// <summary>What New- and Set-OSAlarm share.</summary>
    internal static class AlarmArguments
    {
        public static readonly string[] ThresholdParameters = { "Threshold", "ComparisonOperator", "Aggregation", "Granularity", "EvaluationPeriods" };

        /// <summary>A hashtable or object as JSON, or a JSON text checked to parse.</summary>
        public static string Json(object value, string parameter)
        {
            try
            {
                return PSObjects.ToJson(value, parameter);
            }
            catch (ArgumentException ex) when (!(ex is InvalidInputException))
            {
                throw new AlarmArgumentException("InvalidAlarmRule", $"-{parameter} is not valid JSON: {ex.Message.Replace("-Body is a string but not valid JSON: ", "")}", ex);
            }
        }
    }

    /// <summary>An alarm parameter refused before any request, with the ErrorRecord id it is reported under.</summary>
    internal sealed class AlarmArgumentException : ArgumentException
    {
        public const string Mismatch = "AlarmRuleMismatch";
        public const string Incomplete = "AlarmRuleIncomplete";

        public AlarmArgumentException(string errorId, string message, Exception? inner = null) : base(message, inner) => ErrorId = errorId;

        public string ErrorId { get; }
    }
}
