using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Add-OSMeasure: pushes measures to a Gnocchi metric: -Value (with -Timestamp, else now), or objects with
    /// Timestamp and Value from the pipeline (Get-OSStat samples, Import-Csv rows...); all of them in one POST at the end.
    /// Gnocchi aggregates them shortly after (Get-OSStat -Realtime makes it do so at once).</summary>
    [Cmdlet(VerbsCommon.Add, "OSMeasure", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Value")]
    [OutputType(typeof(void))]
    public sealed class AddOSMeasureCommand : OSCloudCmdlet, IResourceCmdlet
    {
        private readonly List<MeasureInput> _measures = new List<MeasureInput>();

        IResourceDefinition IResourceCmdlet.Resource => Client.Telemetry.Metric.Definition;

        /// <summary>The metric (an object from Get-OSMetric or New-OSMetric, an id, or a name).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Metric>))]
        [ValidateNotNull]
        public ResourceReference? Metric { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = "Value")]
        [ValidateNotNullOrEmpty]
        public double[]? Value { get; set; }

        /// <summary>The time of each value (one per value); none: every value is now.</summary>
        [Parameter(ParameterSetName = "Value")]
        [ValidateNotNullOrEmpty]
        public DateTimeOffset[]? Timestamp { get; set; }

        /// <summary>Objects with a Timestamp and a Value property.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "InputObject")]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Value == null)
                return;
            if (Timestamp != null && Timestamp.Length != Value.Length)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Timestamp has {Timestamp.Length} times for {Value.Length} values: give one time per value, or none (now)."),
                    "TimestampCountMismatch", ErrorCategory.InvalidArgument, Timestamp));
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Value.Length; i++)
                _measures.Add(new MeasureInput(Timestamp?[i] ?? now, Value[i]));
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
                return;
            var timestamp = InputObject.Properties["Timestamp"]?.Value;
            var value = InputObject.Properties["Value"]?.Value;
            if (!TryTime(timestamp, out var time) || !TryNumber(value, out var number))
            {
                WriteError(new ErrorRecord(new ArgumentException($"Add-OSMeasure takes objects with a Timestamp (a time) and a Value (a number); this one has Timestamp '{timestamp}' and Value '{value}'."),
                    "InvalidMeasure", ErrorCategory.InvalidArgument, InputObject));
                return;
            }
            _measures.Add(new MeasureInput(time, number));
        }

        protected override void EndProcessing()
        {
            if (_measures.Count == 0)
                return;
            var cloud = Metric!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            var count = _measures.Count == 1 ? "1 measure" : $"{_measures.Count} measures";
            if (!ShouldProcessResolved(Metric.ToString(), ct => MetricReferences.IdAsync(Metric, cloud, ct), $"{Metric} on {cloud.Name}", $"Add {count}"))
                return;
            Try(Metric.ToString(), () => Run(async ct =>
                await cloud.AddMeasuresAsync(await MetricReferences.IdAsync(Metric, cloud, ct).ConfigureAwait(false), _measures, ct).ConfigureAwait(false)));
        }

        private static bool TryTime(object? value, out DateTimeOffset time)
        {
            var plain = value is PSObject p ? p.BaseObject : value;
            switch (plain)
            {
                case DateTimeOffset offset: time = offset; return true;
                case DateTime date: time = date.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Local)) : new DateTimeOffset(date); return true;
                case string text: return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
                default: time = default; return false;
            }
        }

        private static bool TryNumber(object? value, out double number)
        {
            var plain = value is PSObject p ? p.BaseObject : value;
            number = 0;
            if (plain == null || plain is bool)
                return false;
            if (plain is string text)
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            try
            {
                number = Convert.ToDouble(plain, CultureInfo.InvariantCulture);
                return true;
            }
            catch (Exception ex) when (ex is InvalidCastException || ex is FormatException || ex is OverflowException)
            {
                return false;
            }
        }
    }
}
