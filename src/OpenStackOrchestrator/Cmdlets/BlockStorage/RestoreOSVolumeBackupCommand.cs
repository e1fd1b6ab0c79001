using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Restore-OSVolumeBackup: restores a backup into a new volume (-Name) or onto an existing one (-Volume,
    /// whose data it overwrites), waits until the volume is available and returns it. ConfirmImpact High: it asks first.</summary>
    [Cmdlet(VerbsData.Restore, "OSVolumeBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = NewSet)]
    [OutputType(typeof(Volume), typeof(OSTask))]
    public sealed class RestoreOSVolumeBackupCommand : OSTaskCmdlet
    {
        private const string NewSet = "NewVolume";
        private const string ExistingSet = "ExistingVolume";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<VolumeBackup>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Backup { get; set; }

        /// <summary>The name of the new volume (without it, Cinder names it restore_backup_&lt;id&gt;).</summary>
        [Parameter(ParameterSetName = NewSet, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The volume to restore onto (name, id or object): available, at least the backup's size; its data is replaced.</summary>
        [Parameter(ParameterSetName = ExistingSet, Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Volume { get; set; }

        protected override string Activity => "Restoring volume backups";

        protected override void ProcessRecord()
        {
            foreach (var reference in Backup!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                string? volumeId = null;
                async System.Threading.Tasks.Task Resolve(System.Threading.CancellationToken ct)
                {
                    await reference.IdOnAsync(cloud, VolumeBackup.Definition, ct).ConfigureAwait(false);
                    if (Volume != null)
                        volumeId = (await VolumeActionCmdlet.LookupAsync(Volume, cloud, ct).ConfigureAwait(false)).Id;
                }
                var action = Volume != null ? $"Restore backup onto volume '{Volume}', overwriting its data" : Name != null ? $"Restore backup to new volume '{Name}'" : "Restore backup to a new volume";
                if (!ShouldProcessResolved(reference.ToString(), Resolve, $"{reference} on {cloud.Name}", action))
                    continue;
                var name = Name;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                {
                    var id = await reference.IdOnAsync(cloud, VolumeBackup.Definition, ct).ConfigureAwait(false);
                    task.Report(10, "restoring");
                    var volume = await cloud.BlockStorage.RestoreBackupAsync(id, volumeId, name, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
                    return await cloud.BlockStorage.NameServersAsync(volume, ct).ConfigureAwait(false);
                });
            }
        }
    }
}
