using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSStat: the measures of Gnocchi metrics as PowerCLI's Get-Stat gives them, one sample per point:
    /// the statistics (-Stat, metric names) of entities (Gnocchi resources, or servers, volumes... of the same id),
    /// or any metric (-Metric); several entities with -Aggregate give one series computed by Gnocchi (/v1/aggregates).</summary>
    [Cmdlet(VerbsCommon.Get, "OSStat", DefaultParameterSetName = "Entity")]
    [OutputType(typeof(MetricSample))]
    public sealed class GetOSStatCommand : OSCloudCmdlet, IResourceCmdlet
    {
        private readonly List<(MetricResource Resource, string Label, CloudConnection Cloud)> _entities = new List<(MetricResource, string, CloudConnection)>();

        IResourceDefinition IResourceCmdlet.Resource => Client.Telemetry.Metric.Definition;

        /// <summary>What the statistics are of: a Gnocchi resource, any object with an Id (Get-OSServer, Get-OSVolume:
        /// the Gnocchi resource of that id), or a resource's name, id or original resource id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Entity")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<MetricResource>))]
        public PSObject[]? Entity { get; set; }

        /// <summary>The metric names (wildcards; none: every metric of the entity).</summary>
        [Parameter(Position = 1, ParameterSetName = "Entity")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricStatCompleter))]
        public string[]? Stat { get; set; }

        /// <summary>Metrics themselves (objects from Get-OSMetric, ids or names), whatever they are attached to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Metric")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Metric>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Metric { get; set; }

        /// <summary>The archive policy's aggregation method to read (the policy must compute it).</summary>
        [Parameter]
        [ValidateSet("mean", "max", "min", "sum", "count", "std", "median", "first", "last",
            "rate:mean", "rate:max", "rate:min", "rate:sum", "rate:count", "rate:std", "rate:median", "rate:first", "rate:last")]
        public string Aggregation { get; set; } = "mean";

        /// <summary>One series across every entity piped or given: Gnocchi aggregates the -Stat metric of all of them
        /// with this method, server-side (needs -Stat).</summary>
        [Parameter(ParameterSetName = "Entity")]
        [ValidateSet("mean", "max", "min", "sum", "count", "std", "median", "var")]
        public string? Aggregate { get; set; }

        [Parameter]
        public DateTime? Start { get; set; }

        [Parameter]
        public DateTime? Finish { get; set; }

        /// <summary>The granularity, in seconds, of the archive policy level to read (none: every level).</summary>
        [Parameter]
        [ValidateRange(0.001, double.MaxValue)]
        public double? Granularity { get; set; }

        /// <summary>The granularity in minutes (PowerCLI's -IntervalMins).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? IntervalMins { get; set; }

        /// <summary>Make gnocchi-metricd aggregate what was pushed before answering (refresh=true), as PowerCLI's -Realtime
        /// reads the latest samples.</summary>
        [Parameter]
        public SwitchParameter Realtime { get; set; }

        private MeasureQuery Query => new MeasureQuery
        {
            Aggregation = Aggregation,
            Start = Start.HasValue ? Offset(Start.Value) : (DateTimeOffset?)null,
            Stop = Finish.HasValue ? Offset(Finish.Value) : (DateTimeOffset?)null,
            GranularitySeconds = Granularity ?? (IntervalMins.HasValue ? IntervalMins.Value * 60.0 : (double?)null),
            Refresh = Realtime,
        };

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Granularity.HasValue && IntervalMins.HasValue)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give -Granularity (seconds) or -IntervalMins, not both."),
                    "GranularityGivenTwice", ErrorCategory.InvalidArgument, IntervalMins));
            if (Aggregate != null && (Stat == null || Stat.Length == 0))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Aggregate needs -Stat: the metric name to aggregate across the entities."),
                    "AggregateNeedsStat", ErrorCategory.InvalidArgument, Aggregate));
        }

        protected override void ProcessRecord()
        {
            if (Metric != null)
            {
                foreach (var reference in Metric)
                    ReadMetric(reference);
                return;
            }
            foreach (var entity in Entity!)
            {
                var cloud = CloudOf(entity) ?? TargetCloud();
                if (cloud == null)
                    continue;
                MetricResource? resource = null;
                Try(entity, () => resource = Run(ct => ResolveAsync(cloud, entity, ct)));
                if (resource == null)
                    continue;
                var label = LabelOf(entity, resource);
                if (Aggregate != null)
                    _entities.Add((resource, label, cloud));
                else
                    Try(entity, () => ReadEntity(cloud, resource, label));
            }
        }

        protected override void EndProcessing()
        {
            if (Aggregate == null || _entities.Count == 0)
                return;
            var cloud = _entities[0].Cloud;
            if (_entities.Any(e => !ReferenceEquals(e.Cloud, cloud)))
            {
                WriteError(new ErrorRecord(new ArgumentException("-Aggregate aggregates entities of one cloud: these come from several."),
                    "AggregateAcrossClouds", ErrorCategory.InvalidArgument, null));
                return;
            }
            var resources = _entities.GroupBy(e => e.Resource.Id).Select(g => g.First()).ToList();
            var names = resources.SelectMany(e => e.Resource.Metrics.Keys).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var label = string.Join(", ", resources.Select(e => e.Label));
            var type = resources.Select(e => e.Resource.Type).Distinct().Count() == 1 ? resources[0].Resource.Type : MetricResource.GenericType;
            var query = Query;
            foreach (var stat in Stat!)
            {
                var pattern = NameFilter.Checked(stat, nameof(Stat));
                var matching = names.Where(n => pattern.IsMatch(n)).ToList();
                if (matching.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(stat))
                    WriteFailure(new MetricNotFoundException("metric", stat, $"none of {label} has a metric named '{stat}'."), stat);
                foreach (var name in matching)
                {
                    Try(name, () =>
                    {
                        var (measures, unit) = Run(async ct =>
                        {
                            var holders = resources.Where(e => e.Resource.Metrics.ContainsKey(name)).ToList();
                            // Gnocchi 4.4.2's /v1/aggregates ignores refresh: each metric is refreshed on its own first.
                            if (Realtime)
                                foreach (var holder in holders)
                                    await cloud.GetMeasuresAsync(holder.Resource.Metrics[name], query, ct).ConfigureAwait(false);
                            var metric = await cloud.GetResourceAsync(Client.Telemetry.Metric.Definition, holders[0].Resource.Metrics[name], ct).ConfigureAwait(false);
                            var found = await cloud.AggregateAsync(Gnocchi.AggregateOperation(Aggregate!, name, Aggregation), type,
                                holders.Select(h => h.Resource.Id).ToList(), query, ct).ConfigureAwait(false);
                            return (found, metric.Unit);
                        });
                        foreach (var measure in measures)
                            WriteTyped(new MetricSample
                            {
                                Entity = label,
                                Stat = name,
                                Timestamp = measure.Timestamp,
                                Value = measure.Value,
                                Unit = unit,
                                IntervalSecs = measure.GranularitySeconds,
                                Aggregation = $"{Aggregate} of {Aggregation}",
                                Cloud = cloud,
                            });
                    });
                }
            }
        }

        private void ReadEntity(CloudConnection cloud, MetricResource resource, string label)
        {
            var patterns = Stat ?? new[] { "*" };
            var selected = new List<string>();
            foreach (var stat in patterns)
            {
                var pattern = NameFilter.Checked(stat, nameof(Stat));
                var matching = resource.Metrics.Keys.Where(n => pattern.IsMatch(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (matching.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(stat))
                    WriteFailure(new MetricNotFoundException("metric", stat, $"{label} has no metric named '{stat}'; it has: {string.Join(", ", resource.Metrics.Keys.OrderBy(k => k))}."),
                        stat);
                selected.AddRange(matching.Where(m => !selected.Contains(m)));
            }
            if (selected.Count == 0)
                return;
            var query = Query;
            var results = Run(async ct =>
            {
                var metrics = (await cloud.ListResourceMetricsAsync(resource.Id, ct).ConfigureAwait(false)).ToDictionary(m => m.Id);
                var read = new List<(string Stat, string Id, string? Unit, IReadOnlyList<Measure> Measures)>();
                foreach (var name in selected)
                {
                    var id = resource.Metrics[name];
                    read.Add((name, id, metrics.TryGetValue(id, out var m) ? m.Unit : null, await cloud.GetMeasuresAsync(id, query, ct).ConfigureAwait(false)));
                }
                return read;
            });
            foreach (var result in results)
                WriteSamples(cloud, label, resource.Id, result.Stat, result.Id, result.Unit, result.Measures);
        }

        private void ReadMetric(ResourceReference reference)
        {
            var cloud = reference.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            var query = Query;
            Try(reference.ToString(), () =>
            {
                var (metric, measures) = Run(async ct =>
                {
                    var found = await MetricReferences.MetricAsync(reference, cloud, ct).ConfigureAwait(false);
                    return (found, await cloud.GetMeasuresAsync(found.Id, query, ct).ConfigureAwait(false));
                });
                var label = metric.Resource?.Name ?? metric.ResourceId ?? "";
                WriteSamples(cloud, label, metric.ResourceId, metric.Name, metric.Id, metric.Unit, measures);
            });
        }

        private void WriteSamples(CloudConnection cloud, string label, string? entityId, string stat, string metricId, string? unit, IReadOnlyList<Measure> measures)
        {
            foreach (var measure in measures)
                WriteTyped(new MetricSample
                {
                    Entity = label,
                    EntityId = entityId,
                    MetricId = metricId,
                    Stat = stat,
                    Timestamp = measure.Timestamp,
                    Value = measure.Value,
                    Unit = unit,
                    IntervalSecs = measure.GranularitySeconds,
                    Aggregation = Aggregation,
                    Cloud = cloud,
                });
        }

        /// <summary>A Gnocchi resource as itself; text by id, original resource id or name; anything else by its Id.</summary>
        internal static Task<MetricResource> ResolveAsync(CloudConnection cloud, PSObject entity, CancellationToken cancellationToken)
        {
            switch (entity.BaseObject)
            {
                case MetricResource resource:
                    return Task.FromResult(resource);
                case string text:
                    return cloud.ResolveMetricResourceAsync(text, cancellationToken);
                default:
                    var id = entity.Properties["Id"]?.Value?.ToString();
                    if (string.IsNullOrEmpty(id))
                        throw new MetricNotFoundException("metric resource", entity.ToString(), "the object has no Id.");
                    return cloud.ResolveMetricResourceAsync(id!, cancellationToken);
            }
        }

        private static string LabelOf(PSObject entity, MetricResource resource) =>
            entity.BaseObject is string || entity.BaseObject is MetricResource ? resource.Name
                : entity.Properties["Name"]?.Value?.ToString() is string name && name.Length > 0 ? name : resource.Name;

        private static CloudConnection? CloudOf(PSObject entity)
        {
            var value = entity.Properties["Cloud"]?.Value;
            return (value is PSObject p ? p.BaseObject : value) as CloudConnection;
        }

        private static DateTimeOffset Offset(DateTime time) =>
            time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Local)) : new DateTimeOffset(time);
    }
}
