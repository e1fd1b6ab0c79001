using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Remove-OSVolumeSnapshot: deletes volume snapshots and waits until they are gone.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolumeSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(OSTask))]
    public sealed class RemoveOSVolumeSnapshotCommand : OSTaskCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeSnapshotNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Snapshot { get; set; }

        protected override string Activity => "Deleting volume snapshots";

        protected override void ProcessRecord()
        {
            foreach (var reference in Snapshot!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.IdOnAsync(cloud, VolumeSnapshot.Definition, ct), $"{reference} on {cloud.Name}", "Delete volume snapshot"))
                    continue;
                Launch(MyInvocation.MyCommand.Name, reference.ToString(), cloud, async (task, ct) =>
                {
                    var storage = cloud.BlockStorage;
                    var id = await reference.IdOnAsync(cloud, VolumeSnapshot.Definition, ct).ConfigureAwait(false);
                    await storage.DeleteSnapshotAsync(id, ct).ConfigureAwait(false);
                    task.Report(30, "deleting");
                    await storage.WaitForSnapshotDeletedAsync(id, s => VolumeProgress.Report(task, s), ct).ConfigureAwait(false);
                    return null;
                });
            }
        }
    }
}
