using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeSnapshot: volume snapshots by name (wildcards), id or status, or those of given volumes
    /// (Get-OSVolume data1 | Get-OSVolumeSnapshot).</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeSnapshot", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeSnapshot))]
    public sealed class GetOSVolumeSnapshotCommand : OSGetChildrenCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [Parameter(ParameterSetName = "Volume", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeSnapshotNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [Parameter(ParameterSetName = "Volume")]
        [ValidateSet("available", "backing-up", "creating", "deleted", "deleting", "error", "error_deleting", "restoring", "unmanaging")]
        public string? Status { get; set; }

        /// <summary>Only the snapshots of these volumes (names, ids or objects, also from the pipeline; filtered by Cinder).</summary>
        [Parameter(ParameterSetName = "Volume", Mandatory = true, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Volume { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.VolumeSnapshot, (cloud, id, ct) => cloud.BlockStorage.GetSnapshotAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            if (Volume == null)
            {
                WriteMatches("volume snapshot", TypeNames.VolumeSnapshot, filter, filteredClientSide: !filter.IsEmpty && filter.SingleExactName == null,
                    (cloud, limit, ct) => cloud.BlockStorage.ListSnapshotsAsync(new SnapshotListOptions { Name = filter.SingleExactName, Status = Status, Limit = limit }, ct),
                    snapshot => snapshot.Name);
                return;
            }
            foreach (var volume in Volume)
                WriteSnapshotsOf(volume, filter);
        }

        protected override void EndProcessing()
        {
            if (Volume != null)
                WriteChildrenTotal();
        }

        private void WriteSnapshotsOf(ResourceReference volume, NameFilter filter)
        {
            if (!TryFindParent(volume, (c, id, ct) => c.BlockStorage.GetVolumeAsync(id, ct), (c, name, ct) => c.BlockStorage.ResolveVolumeAsync(name, ct), out var cloud, out var found))
                return;
            var options = new SnapshotListOptions { VolumeId = found!.Id, Status = Status };
            WriteChildren(cloud!, TypeNames.VolumeSnapshot, ct => cloud!.BlockStorage.ListSnapshotsAsync(options, ct), snapshot => filter.IsMatch(snapshot.Name));
        }
    }
}
