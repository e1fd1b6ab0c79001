using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;

namespace OpenStackOrchestrator.Client.VApp
{
    /// <summary>The cloud half of an export: one temporary Glance image per disk (a Nova snapshot of the root disk, a
    /// Cinder upload of each volume, converted to VMDK where Cinder can), and their removal afterwards.</summary>
    public sealed partial class VAppExporter
    {
        internal const string ExportMarkerProperty = "oso_vapp_export";

        /// <summary>How long an upload image may stay without data once Cinder no longer works on the volume.</summary>
        public TimeSpan UploadGrace { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>The images and volumes an export made; all of them are removed when it ends, however it ends.</summary>
        private sealed class Temporaries
        {
            public ConcurrentQueue<string> Images { get; } = new ConcurrentQueue<string>();
            public ConcurrentQueue<string> Volumes { get; } = new ConcurrentQueue<string>();
            /// <summary>The names given: an image or clone whose creation was interrupted before its id came back is found by name.</summary>
            public ConcurrentQueue<string> Names { get; } = new ConcurrentQueue<string>();
        }

        private async Task<Image> MakeImageAsync(VAppExportPlan plan, VAppExportDisk disk, string imageName, Temporaries temporaries,
            Action<string> report, CancellationToken cancellationToken)
        {
            temporaries.Names.Enqueue(imageName);
            if (disk.Source == VAppDiskSource.ServerSnapshot)
            {
                var imageId = await _cloud.Compute.CreateServerImageAsync(plan.ServerId, imageName,
                    new Dictionary<string, string> { [ExportMarkerProperty] = "temporary" }, cancellationToken).ConfigureAwait(false);
                temporaries.Images.Enqueue(imageId);
                report("snapshot requested");
                return await WaitForSnapshotAsync(plan, imageId, report, cancellationToken).ConfigureAwait(false);
            }
            var upload = await UploadVolumeAsync(disk, imageName, temporaries, report, cancellationToken).ConfigureAwait(false);
            return await WaitForUploadAsync(upload, report, cancellationToken).ConfigureAwait(false);
        }

        private async Task<VolumeImageUpload> UploadVolumeAsync(VAppExportDisk disk, string imageName, Temporaries temporaries, Action<string> report,
            CancellationToken cancellationToken)
        {
            VolumeImageUpload upload;
            try
            {
                upload = await _cloud.BlockStorage.UploadToImageAsync(disk.VolumeId!, imageName, "vmdk", disk.InUse, cancellationToken).ConfigureAwait(false);
            }
            catch (BadRequestException refused) when (disk.InUse && (refused.ServiceMessage ?? refused.Message).IndexOf("status must be", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // The cloud does not let Cinder read a volume in use (enable_force_upload off): upload a clone instead.
                report("cloning the attached volume");
                var clone = await _cloud.BlockStorage.CreateVolumeAsync(new VolumeCreateRequest { Name = imageName + "-clone", SourceVolumeId = disk.VolumeId }, cancellationToken)
                    .ConfigureAwait(false);
                temporaries.Volumes.Enqueue(clone.Id);
                await _cloud.BlockStorage.WaitForVolumeStatusAsync(clone.Id, new[] { "available" }, null, null, cancellationToken).ConfigureAwait(false);
                upload = await _cloud.BlockStorage.UploadToImageAsync(clone.Id, imageName, "vmdk", false, cancellationToken).ConfigureAwait(false);
            }
            temporaries.Images.Enqueue(upload.ImageId);
            report("volume upload requested");
            return upload;
        }

        private Task<Image> WaitForSnapshotAsync(VAppExportPlan plan, string imageId, Action<string> report, CancellationToken cancellationToken)
        {
            DateTime? taskEnded = null;
            return _cloud.Image.WaitForActiveAsync(imageId, image => report("snapshot " + image.Status), async (image, ct) =>
            {
                if (image.Status != "queued")
                    return;
                var server = await _cloud.Compute.GetServerAsync(plan.ServerId, ct).ConfigureAwait(false);
                if (server.TaskState != null)
                {
                    taskEnded = null;
                    return;
                }
                taskEnded ??= DateTime.UtcNow;
                if (DateTime.UtcNow - taskEnded.Value >= _cloud.Image.SnapshotUploadGrace)
                    throw new ImageFailedException(image.Id, image.Status,
                        $"Nova finished the snapshot of server '{server.Name}' ({server.Id}), but image '{image.Name}' ({image.Id}) received no data " +
                        $"within {_cloud.Image.SnapshotUploadGrace.TotalSeconds:0.#} s: the hypervisor driver did not upload it.");
            }, cancellationToken);
        }

        private Task<Image> WaitForUploadAsync(VolumeImageUpload upload, Action<string> report, CancellationToken cancellationToken)
        {
            DateTime? volumeDone = null;
            return _cloud.Image.WaitForActiveAsync(upload.ImageId, image => report("volume upload: image " + image.Status), async (image, ct) =>
            {
                var volume = await _cloud.BlockStorage.GetVolumeAsync(upload.VolumeId, ct).ConfigureAwait(false);
                if (volume.Status == "uploading")
                {
                    volumeDone = null;
                    return;
                }
                volumeDone ??= DateTime.UtcNow;
                if (DateTime.UtcNow - volumeDone.Value < UploadGrace)
                    return;
                var reason = await _cloud.BlockStorage.GetFailureReasonAsync(upload.VolumeId, ct).ConfigureAwait(false);
                throw new ImageFailedException(image.Id, image.Status,
                    $"Cinder stopped uploading volume '{volume.Name}' ({volume.Id}) but image '{image.Name}' ({image.Id}) is still {image.Status}" +
                    (reason != null ? $": {reason}" : ": the volume driver could not copy it."));
            }, cancellationToken);
        }

        /// <summary>Deletes what the export made, whether it succeeded, failed or was cancelled (with its own time limit,
        /// since the caller's token may be the cancelled one). Returns what could not be deleted.</summary>
        private async Task<IReadOnlyList<string>> RemoveTemporariesAsync(Temporaries temporaries, Action<string> report)
        {
            var left = new List<string>();
            using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                await FindByNameAsync(temporaries, limit.Token).ConfigureAwait(false);
                while (temporaries.Images.TryDequeue(out var imageId))
                {
                    report("removing temporary image " + imageId);
                    try
                    {
                        await _cloud.Image.DeleteAsync(imageId, limit.Token).ConfigureAwait(false);
                    }
                    catch (ResourceNotFoundException)
                    {
                    }
                    catch (Exception ex) when (ex is OpenStackException || ex is OperationCanceledException)
                    {
                        left.Add($"image {imageId} ({ex.Message})");
                    }
                }
                while (temporaries.Volumes.TryDequeue(out var volumeId))
                {
                    report("removing temporary volume " + volumeId);
                    try
                    {
                        // a clone still uploading cannot be deleted yet; its image is gone, so Cinder gives up on it
                        await _cloud.BlockStorage.WaitForVolumeAsync(volumeId, v => v == null || v.Status != "uploading" && v.Status != "creating", null, limit.Token)
                            .ConfigureAwait(false);
                        await _cloud.BlockStorage.DeleteVolumeAsync(volumeId, limit.Token).ConfigureAwait(false);
                        // Cinder deletes in the background: when the export returns, the clone is gone, not "deleting"
                        await _cloud.BlockStorage.WaitForVolumeDeletedAsync(volumeId, null, limit.Token).ConfigureAwait(false);
                    }
                    catch (ResourceNotFoundException)
                    {
                    }
                    catch (Exception ex) when (ex is OpenStackException || ex is OperationCanceledException)
                    {
                        left.Add($"volume {volumeId} ({ex.Message})");
                    }
                }
            }
            return left;
        }

        /// <summary>Adds to the temporaries what carries one of their names but whose id never came back (the export was
        /// stopped while Nova or Cinder was answering). Best effort: what this cannot list, it leaves to the ids known.</summary>
        private async Task FindByNameAsync(Temporaries temporaries, CancellationToken cancellationToken)
        {
            var names = temporaries.Names.ToArray();
            if (names.Length == 0)
                return;
            var images = new HashSet<string>(temporaries.Images, StringComparer.OrdinalIgnoreCase);
            var volumes = new HashSet<string>(temporaries.Volumes, StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var name in names)
                {
                    await foreach (var image in _cloud.Image.ListAsync(new ImageListOptions { Name = name }, cancellationToken).ConfigureAwait(false))
                        if (images.Add(image.Id))
                            temporaries.Images.Enqueue(image.Id);
                    await foreach (var volume in _cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { Name = name + "-clone" }, cancellationToken).ConfigureAwait(false))
                        if (volumes.Add(volume.Id))
                            temporaries.Volumes.Enqueue(volume.Id);
                }
            }
            catch (Exception ex) when (ex is OpenStackException || ex is OperationCanceledException)
            {
                RequestTrace.Write($"Could not look for the export's temporary images by name: {ex.Message}");
            }
        }

        /// <summary>Glance's virtual_size (the disk's size as the guest sees it), when Glance computed it.</summary>
        internal static long? VirtualSize(Image image) =>
            image.UnknownFields != null && image.UnknownFields.TryGetValue("virtual_size", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var size) && size > 0
                ? size : (long?)null;
    }
}
