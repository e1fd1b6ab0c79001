using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Waiting for images to become active, and snapshots of servers (Nova createImage).</summary>
    public sealed partial class ImageClient
    {
        internal TimeSpan FirstPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
        internal TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>How long a snapshot image may stay queued after Nova finished the server's snapshot task. Real
        /// hypervisor drivers upload the data before the task ends, so a queued image after that will never get it
        /// (Nova's fake driver uploads nothing).</summary>
        public TimeSpan SnapshotUploadGrace { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>Polls the image (backing off from 0.5 s to 3 s) until it is active; killed, deleted or gone is an
        /// <see cref="ImageFailedException"/>.</summary>
        public Task<Image> WaitForActiveAsync(string imageId, Action<Image>? progress, CancellationToken cancellationToken) =>
            WaitForActiveAsync(imageId, progress, null, cancellationToken);

        internal async Task<Image> WaitForActiveAsync(string imageId, Action<Image>? progress, Func<Image, CancellationToken, Task>? stillWorthWaiting,
            CancellationToken cancellationToken)
        {
            var delay = FirstPollInterval;
            while (true)
            {
                Image image;
                try
                {
                    image = await GetAsync(imageId, cancellationToken).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    throw new ImageFailedException(imageId, null, $"Image {imageId} disappeared while waiting for it to become active.");
                }
                progress?.Invoke(image);
                switch (image.Status)
                {
                    case "active":
                        return image;
                    case "killed":
                    case "deleted":
                    case "pending_delete":
                        throw new ImageFailedException(image.Id, image.Status, $"Image '{image.Name}' ({image.Id}) went to {image.Status} instead of active.");
                }
                if (stillWorthWaiting != null)
                    await stillWorthWaiting(image, cancellationToken).ConfigureAwait(false);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(MaxPollInterval.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
            }
        }

        /// <summary>Snapshots a server into a new image (PowerCLI's New-Template from a VM) and waits until the image is
        /// active. A snapshot that fails, or whose data never arrives, leaves no image behind.</summary>
        public async Task<Image> CreateFromServerAsync(string serverId, string imageName, IDictionary<string, string>? metadata, Action<Image>? progress,
            CancellationToken cancellationToken)
        {
            var imageId = await _cloud.Compute.CreateServerImageAsync(serverId, imageName, metadata, cancellationToken).ConfigureAwait(false);
            try
            {
                DateTime? snapshotTaskEnded = null;
                return await WaitForActiveAsync(imageId, progress, async (image, ct) =>
                {
                    if (image.Status != "queued")
                        return;   // saving/uploading/importing: the data is arriving
                    var server = await _cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
                    if (server.TaskState != null)
                    {
                        snapshotTaskEnded = null;
                        return;
                    }
                    snapshotTaskEnded ??= DateTime.UtcNow;
                    if (DateTime.UtcNow - snapshotTaskEnded.Value >= SnapshotUploadGrace)
                        throw new ImageFailedException(image.Id, image.Status,
                            $"Nova finished the snapshot of server '{server.Name}' ({server.Id}), but image '{image.Name}' ({image.Id}) received no data " +
                            $"within {SnapshotUploadGrace.TotalSeconds:0.#} s: the hypervisor driver did not upload it. The empty image was deleted.");
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await TryDeleteAsync(imageId).ConfigureAwait(false);
                throw;
            }
        }
    }
}
