using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeBackup: volume backups by name (wildcards), id or status, or those of piped volumes
    /// (Get-OSVolume data1 | Get-OSVolumeBackup).</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeBackup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeBackup))]
    public sealed class GetOSVolumeBackupCommand : OSResourceGetCmdlet<VolumeBackup>
    {
        protected override ResourceDefinition<VolumeBackup> Definition => VolumeBackup.Definition;

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("available", "creating", "deleting", "error", "error_deleting", "restoring")]
        public string? Status { get; set; }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Status", Status?.ToLowerInvariant());
            return true;
        }
    }
}
