using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Images
{
    /// <summary>Glance v2 image records and data: create, upload, download (both streamed and verified against
    /// Glance's checksums), update by JSON patch, delete.</summary>
    public sealed partial class ImageClient
    {
        internal const string JsonPatchType = "application/openstack-images-v2.1-json-patch";

        /// <summary>POST /v2/images: a queued image without data.</summary>
        public async Task<Image> CreateAsync(ImageCreateRequest request, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(request, ImagesJson.Default.ImageCreateRequest);
            var response = await _cloud.SendCreateAsync(Image.Definition, new ServiceRequest(HttpMethod.Post, ServiceTypes.Image, Image.Definition.Path) { JsonBody = body },
                cancellationToken).ConfigureAwait(false);
            return _cloud.ReadResource(Image.Definition, response.Json(), response);
        }

        /// <summary>Creates an image and uploads <paramref name="data"/> into it, then checks that Glance recorded the same
        /// size, MD5 and SHA-512 as the bytes sent. On any failure (cancellation included) the image is deleted, so no
        /// half-created image is left behind.</summary>
        /// <param name="length">The byte count when the stream cannot tell it (else null).</param>
        /// <param name="progress">Called with the bytes sent so far.</param>
        public async Task<Image> CreateWithDataAsync(ImageCreateRequest request, Stream data, long? length, Action<long>? progress, CancellationToken cancellationToken)
        {
            var image = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                var sent = await UploadDataAsync(image.Id, data, length, progress, cancellationToken).ConfigureAwait(false);
                var active = await WaitForActiveAsync(image.Id, null, cancellationToken).ConfigureAwait(false);
                ImageVerification.Verify(active, sent, "upload");
                return active;
            }
            catch (Exception failure)
            {
                var deleted = await TryDeleteAsync(image.Id).ConfigureAwait(false);
                if (failure is ChecksumMismatchException mismatch)
                    throw new ChecksumMismatchException(mismatch.ImageId, mismatch.Operation, mismatch.Algorithm, mismatch.Expected, mismatch.Actual,
                        deleted ? "The image was deleted." : $"Deleting the image failed: remove it with Remove-OSImage {image.Id}.");
                throw;
            }
        }

        /// <summary>PUT /v2/images/{id}/file with the stream as application/octet-stream; returns what was sent
        /// (byte count, MD5, SHA-512), computed in the same pass as the upload.</summary>
        public async Task<StreamChecksums> UploadDataAsync(string imageId, Stream data, long? length, Action<long>? progress, CancellationToken cancellationToken)
        {
            using (var hashing = new HashingStream(data, "sha512"))
            {
                var body = new StreamBody(hashing, "application/octet-stream", length, progress);
                await _cloud.SendStreamAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Image, FilePath(imageId)), body, cancellationToken).ConfigureAwait(false);
                return hashing.Complete();
            }
        }

        /// <summary>GET /v2/images/{id}/file copied to <paramref name="destination"/> as it arrives, then checked against
        /// the image's size, MD5 and os_hash_value. Returns the image as it was when the download started.
        /// On a <see cref="ChecksumMismatchException"/> the destination holds bad bytes: the caller discards them.</summary>
        public async Task<Image> DownloadAsync(string imageId, Stream destination, Action<long>? progress, CancellationToken cancellationToken)
        {
            var image = await GetAsync(imageId, cancellationToken).ConfigureAwait(false);
            using (var hashing = new HashingStream(destination, image.HashAlgorithm ?? "sha512"))
            {
                var response = await _cloud.ReceiveStreamAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Image, FilePath(imageId)), hashing, progress, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == 204)
                    throw new ImageFailedException(image.Id, image.Status, $"Image '{image.Name}' ({image.Id}) has no data to download (status {image.Status}).")
                    { RequestId = response.RequestId, Url = response.Url };
                await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
                ImageVerification.Verify(image, hashing.Complete(), "download");
            }
            return image;
        }

        /// <summary>PATCH /v2/images/{id} with the operations that make the image match <paramref name="update"/>.</summary>
        public async Task<Image> UpdateAsync(string imageId, ImageUpdate update, CancellationToken cancellationToken)
        {
            var current = await GetAsync(imageId, cancellationToken).ConfigureAwait(false);
            var patch = update.PatchFor(current);
            if (patch.Count == 0)
                return current;
            var request = new ServiceRequest(new HttpMethod("PATCH"), ServiceTypes.Image, ImagePath(imageId))
            { JsonBody = JsonSerializer.Serialize(patch, ImagesJson.Default.ListImagePatchOperation) };
            request.Headers["Content-Type"] = JsonPatchType;
            return await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>DELETE /v2/images/{id}.</summary>
        public Task DeleteAsync(string imageId, CancellationToken cancellationToken) =>
            _cloud.DeleteResourceAsync(Image.Definition, imageId, cancellationToken);

        /// <summary>Deletes an image left over by a failed operation; true when it is gone.</summary>
        internal async Task<bool> TryDeleteAsync(string imageId)
        {
            try
            {
                await DeleteAsync(imageId, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return true;
            }
            catch (OpenStackException ex)
            {
                RequestTrace.Write($"Could not delete the unfinished image {imageId}: {ex.Message}");
                return false;
            }
        }

        private static string FilePath(string imageId) => ImagePath(imageId) + "/file";
    }
}
