using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Get-OSStat -Stat: the metric names the -Entity given has (by name, id or object); without an entity, the
    /// names of the metrics the user can list.</summary>
    public sealed class MetricStatCompleter : LiveNameCompleter
    {
        private string? _entity;

        protected override string Kind => "metric-stat:" + (_entity ?? "");

        public override IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            _entity = EntityOf(fakeBoundParameters);
            return base.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters);
        }

        protected override async Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct)
        {
            var entity = _entity;
            if (entity == null)
                return await CompletionCache.Collect(cloud.ListResourcesAsync(Metric.Definition, new ListQuery { Limit = CompletionCache.FirstPage }, ct), m => m.Name)
                    .ConfigureAwait(false);
            var resource = await cloud.ResolveMetricResourceAsync(entity, ct).ConfigureAwait(false);
            return resource.Metrics.Keys.ToList();
        }

        private static string? EntityOf(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains("Entity"))
                return null;
            var given = fakeBoundParameters["Entity"];
            var value = given is PSObject p ? p.BaseObject : given;
            if (value is object[] array && array.Length > 0)
                value = array[0] is PSObject ap ? ap.BaseObject : array[0];
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case MetricResource resource: return resource.Id;
                default: return PSObject.AsPSObject(value).Properties["Id"]?.Value?.ToString();
            }
        }
    }
}
