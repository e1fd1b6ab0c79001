using System.Management.Automation;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolumeSnapshot: volume snapshots by name (wildcards), id or status, or those of given volumes
    /// (Get-OSVolume data1 | Get-OSVolumeSnapshot).</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeSnapshot", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(VolumeSnapshot))]
    public sealed class GetOSVolumeSnapshotCommand : OSResourceGetCmdlet<VolumeSnapshot>
    {
        private static readonly ResourceReferenceTransformationAttribute VolumeReference = new ResourceReferenceTransformationAttribute();
        private bool _listedVolumes;

        protected override ResourceDefinition<VolumeSnapshot> Definition => VolumeSnapshot.Definition;

        /// <summary>The base's -Name, in the Volume set too.</summary>
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [Parameter(ParameterSetName = "Volume", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        [ValidateNotNullOrEmpty]
        public new string[]? Name { get => base.Name; set => base.Name = value; }

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

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Status", Status?.ToLowerInvariant());
            return true;
        }

        protected override void ProcessRecord()
        {
            var volumes = Volume ?? PipedVolumes();
            if (volumes == null)
            {
                base.ProcessRecord();
                return;
            }
            _listedVolumes = true;
            var filter = new NameFilter(Name);
            foreach (var volume in volumes)
                WriteSnapshotsOf(volume, filter);
        }

        /// <summary>Anything piped in but a snapshot (a volume, a volume's name or id) names volumes, as it did before the
        /// pipeline took snapshots too.</summary>
        private ResourceReference[]? PipedVolumes() =>
            InputObject == null || InputObject.BaseObject is VolumeSnapshot ? null : new[] { (ResourceReference)VolumeReference.Transform(null!, InputObject) };

        protected override void EndProcessing()
        {
            if (_listedVolumes)
                WriteChildrenTotal();
        }

        private void WriteSnapshotsOf(ResourceReference volume, NameFilter filter)
        {
            if (!TryFindParent(volume, (c, id, ct) => c.BlockStorage.GetVolumeAsync(id, ct), (c, name, ct) => c.BlockStorage.ResolveVolumeAsync(name, ct), out var cloud, out var found))
                return;
            var options = new SnapshotListOptions { VolumeId = found!.Id, Status = Status };
            WriteChildren(cloud!, Definition.TypeName, ct => cloud!.BlockStorage.ListSnapshotsAsync(options, ct), snapshot => filter.IsMatch(snapshot.Name));
        }
    }
}
