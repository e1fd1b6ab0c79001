using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Telemetry;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Telemetry
{
    /// <summary>Remove-OSAlarm: deletes Aodh alarms (by name, id, or piped from Get-OSAlarm); their history goes with them.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSAlarm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSAlarmCommand : OSResourceRemoveCmdlet<Alarm>
    {
        protected override ResourceDefinition<Alarm> Definition => Client.Telemetry.Alarm.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Alarm>))]
        public ResourceReference[]? Alarm { get; set; }

        protected override void ProcessRecord() => RemoveEach(Alarm!);
    }
}
