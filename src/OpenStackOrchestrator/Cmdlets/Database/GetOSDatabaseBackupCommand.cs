using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Trove backups by name (wildcards) or id; an instance from the pipeline lists its backups.</summary>
    [Cmdlet(VerbsCommon.Get, "OSDatabaseBackup", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(DatabaseBackup))]
    public sealed class GetOSDatabaseBackupCommand : OSResourceGetCmdlet<DatabaseBackup>
    {
        protected override ResourceDefinition<DatabaseBackup> Definition => DatabaseBackup.Definition;
    }
}
