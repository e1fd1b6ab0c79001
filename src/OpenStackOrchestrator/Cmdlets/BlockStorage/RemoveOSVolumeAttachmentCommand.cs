using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Remove-OSVolumeAttachment: detaches volumes from a server (or, without -VM, from every server they
    /// are attached to) and waits until they are available. The volumes are kept.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolumeAttachment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Volume), typeof(OSTask))]
    public sealed class RemoveOSVolumeAttachmentCommand : VolumeActionCmdlet
    {
        [Parameter(Position = 1)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? VM { get; set; }

        protected override string Operation => VM != null ? $"Detach volume from server {VM}" : "Detach volume";
        protected override string Activity => "Detaching volumes";

        protected override CloudConnection? CloudFor(ResourceReference volume) => volume.Cloud ?? VM?.Cloud ?? TargetCloud();

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (VM != null)
                await ServerIdAsync(cloud, ct).ConfigureAwait(false);
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, Volume volume, OSTask task, CancellationToken ct)
        {
            var serverIds = VM == null
                ? volume.Attachments.Select(a => a.ServerId).ToList()
                : new[] { await ServerIdAsync(cloud, ct).ConfigureAwait(false) }.ToList();
            foreach (var serverId in serverIds)
            {
                if (!volume.IsAttachedTo(serverId))
                    throw new BadRequestException($"Volume '{volume}' ({volume.Id}) is not attached to server {VM} ({serverId}).");
                task.Report(10, "detaching");
                volume = await cloud.BlockStorage.DetachVolumeAsync(volume.Id, serverId, v => VolumeProgress.Report(task, v), ct).ConfigureAwait(false);
            }
            return await cloud.BlockStorage.NameServersAsync(volume, ct).ConfigureAwait(false);
        }

        private Task<string> ServerIdAsync(CloudConnection cloud, CancellationToken ct) =>
            VM!.IdOnAsync(cloud, Client.Compute.Server.Definition, ct);
    }
}
