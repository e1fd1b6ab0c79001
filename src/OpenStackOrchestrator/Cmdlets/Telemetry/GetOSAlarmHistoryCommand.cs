using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSAlarmHistory: what happened to alarms, newest first: creation, rule changes, state transitions
    /// (with the evaluator's reason). Takes alarms by name or id, or piped from Get-OSAlarm.</summary>
    [Cmdlet(VerbsCommon.Get, "OSAlarmHistory", SupportsPaging = true)]
    [OutputType(typeof(AlarmHistoryEntry))]
    public sealed class GetOSAlarmHistoryCommand : OSGetChildrenCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Telemetry.Alarm.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Alarm>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Alarm { get; set; }

        /// <summary>Only events of these types: creation, "rule change", "state transition", deletion.</summary>
        [Parameter]
        [ValidateSet("creation", "rule change", "state transition", "deletion")]
        public string[]? Type { get; set; }

        protected override void ProcessRecord()
        {
            var definition = Client.Telemetry.Alarm.Definition;
            var types = Type == null ? null : new HashSet<string>(Type, System.StringComparer.OrdinalIgnoreCase);
            foreach (var reference in Alarm!)
            {
                if (!TryFindParent(reference, (c, id, ct) => c.GetResourceAsync(definition, id, ct), (c, name, ct) => c.ResolveResourceAsync(definition, name, ct),
                        out var cloud, out var alarm))
                    continue;
                WriteChildren(cloud!, TypeNames.AlarmHistoryEntry, ct => History(cloud!, alarm!, ct), e => types == null || (e.Type != null && types.Contains(e.Type)));
            }
        }

        protected override void EndProcessing() => WriteChildrenTotal();

        private static async IAsyncEnumerable<AlarmHistoryEntry> History(CloudConnection cloud, Alarm alarm, [EnumeratorCancellation] CancellationToken ct)
        {
            foreach (var entry in await Client.Telemetry.Alarm.HistoryAsync(cloud, alarm, ct).ConfigureAwait(false))
                yield return entry;
        }
    }
}
