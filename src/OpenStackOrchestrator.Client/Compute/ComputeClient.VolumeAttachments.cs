using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Nova's side of volume attachments (os-volume_attachments). The waits are in
    /// <see cref="BlockStorage.BlockStorageClient"/>, which watches the volume's status.</summary>
    public sealed partial class ComputeClient
    {
        /// <summary>POST /servers/{id}/os-volume_attachments; returns the device Nova chose (e.g. /dev/vdb).</summary>
        public async Task<string?> AttachVolumeAsync(string serverId, string volumeId, string? device, CancellationToken cancellationToken)
        {
            var attachment = new Dictionary<string, string> { ["volumeId"] = volumeId };
            if (device != null) attachment["device"] = device;
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["volumeAttachment"] = attachment });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments")
            { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            return response.Json().Obj("volumeAttachment").Str("device");
        }

        /// <summary>DELETE /servers/{id}/os-volume_attachments/{volume id}.</summary>
        public async Task DetachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Compute,
                $"/servers/{Uri.EscapeDataString(serverId)}/os-volume_attachments/{Uri.EscapeDataString(volumeId)}"), cancellationToken).ConfigureAwait(false);
        }
    }
}
