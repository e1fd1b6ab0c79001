using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Remove-OSDatabaseBackup: deletes database backups (names, ids or objects, from the pipeline too).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSDatabaseBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSDatabaseBackupCommand : OSResourceRemoveCmdlet<DatabaseBackup>
    {
        protected override ResourceDefinition<DatabaseBackup> Definition => DatabaseBackup.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<DatabaseBackup>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Backup { get; set; }

        protected override void ProcessRecord() => RemoveEach(Backup!);
    }
}
