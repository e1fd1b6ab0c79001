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
    /// <summary>Add-OSVolumeAttachment: attaches volumes to a server (the second half of New-HardDisk -VM) and waits
    /// until they are in-use; returns the volumes with their device.</summary>
    [Cmdlet(VerbsCommon.Add, "OSVolumeAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Volume), typeof(OSTask))]
    public sealed class AddOSVolumeAttachmentCommand : VolumeActionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? VM { get; set; }

        /// <summary>The device name to ask for, e.g. /dev/vdc (most hypervisors choose their own).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Device { get; set; }

        protected override string Operation => $"Attach volume to server {VM}";
        protected override string Activity => "Attaching volumes";

        protected override CloudConnection? CloudFor(ResourceReference volume) => volume.Cloud ?? VM!.Cloud ?? TargetCloud();

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (VM!.Id == null || (VM.Cloud != null && !ReferenceEquals(VM.Cloud, cloud)))
                await ResolveAsync(cloud, ct).ConfigureAwait(false);
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            var server = VM!.Id != null && (VM.Cloud == null || ReferenceEquals(VM.Cloud, cloud))
                ? (Id: VM.Id, Name: VM.Name)
                : await ResolveAsync(cloud, ct).ConfigureAwait(false);
            if (volume.IsAttachedTo(server.Id))
                return await cloud.BlockStorage.NameServersAsync(volume, ct).ConfigureAwait(false);
            task.Report(10, "attaching");
            return await cloud.BlockStorage.AttachVolumeAsync(volume.Id, server.Id, server.Name, Device, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
        }

        private async Task<(string Id, string? Name)> ResolveAsync(CloudConnection cloud, CancellationToken ct)
        {
            var server = await cloud.Compute.ResolveServerAsync(VM!.Name ?? VM.Text, ct).ConfigureAwait(false);
            return (server.Id, server.Name);
        }
    }
}
