using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Remove-OSVolumeBackup: deletes volume backups and waits until they are gone (a backup that incremental
    /// ones build on is refused by Cinder until they are deleted).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSVolumeBackupCommand : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<VolumeBackup>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Backup { get; set; }

        protected override string Activity => "Deleting volume backups";

        protected override void ProcessRecord()
        {
            foreach (var reference in Backup!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.IdOnAsync(cloud, VolumeBackup.Definition, ct),
                        $"{reference} on {cloud.Name}", "Delete volume backup"))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                {
                    var id = await reference.IdOnAsync(cloud, VolumeBackup.Definition, ct).ConfigureAwait(false);
                    task.Report(30, "deleting");
                    await cloud.BlockStorage.DeleteBackupAsync(id, b => VolumeProgress.Report(task, b), ct).ConfigureAwait(false);
                    return null;
                });
            }
        }
    }
}
