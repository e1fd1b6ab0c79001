using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.BlockStorage
{
    /// <summary>What Cinder answered to os-volume_upload_image: the new (queued) image and the format it will have.</summary>
    public sealed class VolumeImageUpload
    {
        public VolumeImageUpload(string volumeId, string imageId, string? diskFormat)
        {
            VolumeId = volumeId;
            ImageId = imageId;
            DiskFormat = diskFormat;
        }

        public string VolumeId { get; }
        public string ImageId { get; }
        /// <summary>The format Cinder writes (it converts the volume when it can; some backends ignore the wish).</summary>
        public string? DiskFormat { get; }
    }

    /// <summary>Uploading a volume's data into a new Glance image (os-volume_upload_image).</summary>
    public sealed partial class BlockStorageClient
    {
        /// <summary>Asks Cinder to copy the volume into a new image named <paramref name="imageName"/>, converted to
        /// <paramref name="diskFormat"/>. <paramref name="force"/> lets Cinder read an attached volume; clouds with
        /// enable_force_upload off ignore it and refuse an in-use volume (a <see cref="BadRequestException"/>).</summary>
        public async Task<VolumeImageUpload> UploadToImageAsync(string volumeId, string imageName, string diskFormat, bool force, CancellationToken cancellationToken)
        {
            var version = await VersionAsync("Uploading a volume to an image", cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["os-volume_upload_image"] = new Dictionary<string, object>
                {
                    ["image_name"] = imageName,
                    ["disk_format"] = diskFormat,
                    ["container_format"] = "bare",
                    ["force"] = force,
                },
            });
            var response = await VolumeActionAsync(volumeId, body, version, cancellationToken).ConfigureAwait(false);
            var answer = response.Json().Obj("os-volume_upload_image");
            var imageId = answer.ValueKind == JsonValueKind.Object ? answer.Str("image_id") : null;
            if (string.IsNullOrEmpty(imageId))
                throw new InvalidResponseException($"Cinder accepted the upload of volume {volumeId} to an image but returned no image id.")
                { Service = ServiceTypes.BlockStorage, RequestId = response.RequestId };
            return new VolumeImageUpload(volumeId, imageId!, answer.Str("disk_format"));
        }
    }
}
