using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>New-OSVolume: creates a volume (empty, from an image, a snapshot or another volume) and waits until it
    /// is available, as New-HardDisk waits for its disk; a volume that fails is deleted and the error says why.</summary>
    [Cmdlet(VerbsCommon.New, "OSVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Blank")]
    [OutputType(typeof(Volume), typeof(OSTask))]
    public sealed class NewOSVolumeCommand : OSTaskCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The size; required for an empty volume or one from an image, else the source's size.</summary>
        [Parameter(ParameterSetName = "Blank", Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = "FromImage", Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = "FromSnapshot", ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = "FromVolume", ValueFromPipelineByPropertyName = true)]
        [Alias("CapacityGB")]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int SizeGB { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeTypeNameCompleter))]
        public ResourceReference? VolumeType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AvailabilityZoneNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        [Parameter(ParameterSetName = "FromImage", Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public ResourceReference? Image { get; set; }

        [Parameter(ParameterSetName = "FromSnapshot", Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeSnapshotNameCompleter))]
        public ResourceReference? Snapshot { get; set; }

        /// <summary>A volume to clone.</summary>
        [Parameter(ParameterSetName = "FromVolume", Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public ResourceReference? Source { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        [Parameter]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        protected override string Activity => "Creating volumes";

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            var size = SizeGB > 0 ? $"{SizeGB} GB" : "the source's size";
            if (cloud == null || !ShouldProcess($"{Name ?? "(unnamed)"} ({size}) on {cloud.Name}", "Create volume"))
                return;
            Try(Name, () =>
            {
                var request = Run(ct => BuildRequestAsync(cloud, ct));
                Launch(MyInvocation.MyCommand.Name, Name ?? $"{size} volume", cloud, (task, ct) => CreateAsync(cloud, request, task, ct));
            });
        }

        private static async Task<object?> CreateAsync(CloudConnection cloud, VolumeCreateRequest request, OSTask task, CancellationToken ct)
        {
            task.Report(5, "requested");
            return await cloud.BlockStorage.CreateVolumeAndWaitAsync(request, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
        }

        private async Task<VolumeCreateRequest> BuildRequestAsync(CloudConnection cloud, CancellationToken ct)
        {
            var request = new VolumeCreateRequest
            {
                Name = Name,
                SizeGB = SizeGB > 0 ? SizeGB : (int?)null,
                Description = Description,
                AvailabilityZone = AvailabilityZone,
            };
            if (VolumeType != null)
                request.VolumeType = await VolumeType.IdOnAsync(cloud, Client.BlockStorage.VolumeType.Definition, ct).ConfigureAwait(false);
            if (Image != null)
                request.ImageId = await Image.IdOnAsync(cloud, Client.Images.Image.Definition, ct).ConfigureAwait(false);
            if (Snapshot != null)
                request.SnapshotId = await Snapshot.IdOnAsync(cloud, VolumeSnapshot.Definition, ct).ConfigureAwait(false);
            if (Source != null)
                request.SourceVolumeId = await Source.IdOnAsync(cloud, Volume.Definition, ct).ConfigureAwait(false);
            if (Metadata != null)
                foreach (DictionaryEntry entry in Metadata)
                    request.Metadata[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Metadata), entry.Key.ToString()!, entry.Value) ?? "";
            return request;
        }
    }
}
