using System;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>Attaching volumes to servers and detaching them. Nova does the work (POST/DELETE
    /// /servers/{id}/os-volume_attachments); Cinder's volume status tells when it is done.</summary>
    public sealed partial class BlockStorageClient
    {
        /// <summary>Attaches the volume to the server and waits until it is in-use there. Nova reserves the volume before
        /// it answers, so a volume that is available again afterwards means Nova gave up on the attachment.</summary>
        public async Task<Volume> AttachVolumeAsync(string volumeId, string serverId, string? serverName, string? device, Action<Volume?>? progress,
            CancellationToken cancellationToken)
        {
            await _cloud.Compute.AttachVolumeAsync(serverId, volumeId, device, cancellationToken).ConfigureAwait(false);
            var volume = await WaitForVolumeStatusAsync(volumeId, new[] { "in-use", "available" }, v => v.Status != "in-use" || v.IsAttachedTo(serverId),
                progress, cancellationToken).ConfigureAwait(false);
            if (!volume.IsAttachedTo(serverId))
                throw new VolumeFailedException("volume", volumeId, volume.Status, null,
                    $"Nova did not attach volume '{volume}' ({volumeId}) to server '{serverName ?? serverId}': the volume is {volume.Status} again. " +
                    "The server's instance actions (Invoke-OSApiRequest -Service compute -Path /servers/<id>/os-instance-actions) may say why.");
            foreach (var attachment in volume.Attachments)
                if (string.Equals(attachment.ServerId, serverId, StringComparison.OrdinalIgnoreCase))
                    attachment.ServerName = serverName;
            return volume;
        }

        /// <summary>Detaches the volume from the server and waits until the attachment is gone. Nova marks the volume
        /// detaching before it answers, so in-use on that server after detaching was seen means Nova rolled back.</summary>
        public async Task<Volume> DetachVolumeAsync(string volumeId, string serverId, Action<Volume?>? progress, CancellationToken cancellationToken)
        {
            await _cloud.Compute.DetachVolumeAsync(serverId, volumeId, cancellationToken).ConfigureAwait(false);
            var sawDetaching = false;
            var volume = await WaitForVolumeStatusAsync(volumeId, new[] { "available", "in-use" }, v => !v.IsAttachedTo(serverId) || sawDetaching, v =>
            {
                sawDetaching |= v?.Status == "detaching";
                progress?.Invoke(v);
            }, cancellationToken).ConfigureAwait(false);
            if (volume.IsAttachedTo(serverId))
                throw new VolumeFailedException("volume", volumeId, volume.Status, null,
                    $"Nova did not detach volume '{volume}' ({volumeId}) from server {serverId}: the volume is {volume.Status} there again.");
            return volume;
        }
    }
}
