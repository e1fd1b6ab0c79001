using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>New-OSDatabaseBackup: asks Trove to back up an instance (its guest agent does it, into Swift) and returns
    /// the new backup at once (status NEW; Get-OSDatabaseBackup shows it reach COMPLETED).</summary>
    [Cmdlet(VerbsCommon.New, "OSDatabaseBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DatabaseBackup))]
    public sealed class NewOSDatabaseBackupCommand : DatabaseInstanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Only what changed since the instance's last backup.</summary>
        [Parameter]
        public SwitchParameter Incremental { get; set; }

        protected override void ProcessRecord() =>
            OnInstance($"Create database backup '{Name}'", "", (cloud, id, ct) => TroveClient.CreateBackupAsync(cloud, id, Name!, Description, Incremental, ct),
                backup => WriteTyped(backup));
    }
}
