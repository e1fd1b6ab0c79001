using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Restart-OSDatabaseInstance: restarts the datastore in Trove instances (done by the guest agent; the
    /// instance must be ACTIVE). Returns at once: the instance is REBOOT until the agent reports it running again.</summary>
    [Cmdlet(VerbsLifecycle.Restart, "OSDatabaseInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RestartOSDatabaseInstanceCommand : DatabaseInstanceCmdlet
    {
        protected override void ProcessRecord() =>
            OnInstance("Restart database instance", null, (cloud, id, ct) => TroveClient.RestartInstanceAsync(cloud, id, ct));
    }
}
