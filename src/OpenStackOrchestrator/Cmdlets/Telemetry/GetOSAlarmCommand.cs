using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Get-OSAlarm: Aodh alarms by name (wildcards), id, state ("what is firing": -State alarm), type or
    /// severity. The filters are sent to Aodh as q.field/q.op/q.value expressions.</summary>
    [Cmdlet(VerbsCommon.Get, "OSAlarm", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Alarm))]
    public sealed class GetOSAlarmCommand : OSResourceGetCmdlet<Alarm>
    {
        protected override ResourceDefinition<Alarm> Definition => Alarm.Definition;

        /// <summary>alarm (firing), ok, or insufficient_data (Aodh's "insufficient data").</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("alarm", "ok", "insufficient_data")]
        public string? State { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet(Alarm.ResourcesThreshold, Alarm.AggregationByResourcesThreshold, Alarm.AggregationByMetricsThreshold, Alarm.Composite, "event")]
        public string? Type { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("low", "moderate", "critical")]
        public string? Severity { get; set; }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("State", State == null ? null : Alarm.StateValue(State));
            query.Filter("Type", Type?.ToLowerInvariant());
            query.Filter("Severity", Severity?.ToLowerInvariant());
            return true;
        }
    }
}
