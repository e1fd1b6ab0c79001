using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Remove-OSDatabase: deletes databases (schemas) inside a Trove instance (its guest agent does it).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSDatabaseCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name!)
                OnInstance($"Delete database '{name}'", "", (cloud, id, ct) => TroveClient.DeleteDatabaseAsync(cloud, id, name, ct));
        }
    }
}
