using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Uploads, streamed from the source (never held whole in memory) and verified: the MD5 of the bytes
    /// sent, computed in the same pass, must be the ETag Swift answers with.</summary>
    public sealed partial class ObjectStorageClient
    {
        /// <summary>PUT of one object from <paramref name="data"/> (read from its position to its end).</summary>
        /// <param name="length">The byte count when the stream cannot tell it (else null).</param>
        /// <param name="progress">Called with the bytes sent so far.</param>
        public async Task<StorageObject> UploadAsync(string container, string name, Stream data, long? length, ObjectUploadOptions options,
            Action<long>? progress, CancellationToken cancellationToken)
        {
            var contentType = options.ContentType ?? ContentTypes.ForName(name);
            var request = Request(HttpMethod.Put, SwiftPaths.Object(container, name));
            SwiftMetadata.Write(request.Headers, SwiftMetadata.ObjectPrefix, options.Metadata);
            using (var hashing = new HashingStream(data, secondAlgorithm: null))
            {
                var response = await _cloud.SendStreamAsync(request, new StreamBody(hashing, contentType, length, progress), cancellationToken).ConfigureAwait(false);
                var sent = hashing.Complete();
                await VerifyUploadAsync(container, name, StorageObject.Unquote(response.Header("ETag")), sent.Md5, isStatic: false).ConfigureAwait(false);
                return new StorageObject(container, name, _cloud)
                {
                    SizeBytes = sent.Bytes,
                    Hash = sent.Md5,
                    ContentType = contentType,
                    LastModified = HttpDates.Parse(response.Header("Last-Modified")),
                    Metadata = new Dictionary<string, string>(options.Metadata, StringComparer.OrdinalIgnoreCase),
                };
            }
        }

        /// <summary>Uploads a file: in one PUT up to <see cref="ObjectUploadOptions.SegmentSize"/>, above that as a
        /// static large object. When it replaces a large object, the old segments are deleted afterwards.</summary>
        public async Task<StorageObject> UploadFileAsync(string container, string name, string path, ObjectUploadOptions options,
            Action<long>? progress, CancellationToken cancellationToken)
        {
            var length = new FileInfo(path).Length;
            var capabilities = await GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
            var replaced = await SegmentsOfAsync(container, name, cancellationToken).ConfigureAwait(false);
            StorageObject uploaded;
            if (length > options.SegmentSize && capabilities.SupportsStaticLargeObjects)
            {
                uploaded = await UploadLargeAsync(container, name, path, length, options, capabilities, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (length > capabilities.MaxFileSize)
                    throw new OverLimitException($"'{path}' is {length} bytes, more than the {capabilities.MaxFileSize} bytes this cloud takes in one object, and it offers no static large objects.")
                    { Service = "object-store" };
                using (var file = OpenRead(path))
                    uploaded = await UploadAsync(container, name, file, length, options, progress, cancellationToken).ConfigureAwait(false);
            }
            await DeleteSegmentsAsync(replaced, cancellationToken).ConfigureAwait(false);
            return uploaded;
        }

        internal static FileStream OpenRead(string path) =>
            // Unbuffered: the upload reads it in large chunks already.
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

        /// <summary>The ETag Swift answered must be the MD5 of what was sent; otherwise the stored object is deleted.</summary>
        private async Task VerifyUploadAsync(string container, string name, string? etag, string expected, bool isStatic)
        {
            if (etag == null)
            {
                RequestTrace.Write($"Swift sent no ETag for '{name}': the upload could not be verified.");
                return;
            }
            if (string.Equals(etag, expected, StringComparison.OrdinalIgnoreCase))
                return;
            var deleted = await TryDeleteObjectAsync(container, name, isStatic).ConfigureAwait(false);
            throw ObjectChecksums.Mismatch(container, name, "upload", "md5", etag, expected,
                deleted ? "The object was deleted." : $"Deleting it failed: remove it with Remove-OSObject -Container {container} -Name {name}.");
        }

        /// <summary>Deletes an object left over by a failed operation; true when it is gone.</summary>
        private async Task<bool> TryDeleteObjectAsync(string container, string name, bool isStatic)
        {
            try
            {
                await DeleteObjectAsync(container, name, isStatic, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (ResourceNotFoundException)
            {
                return true;
            }
            catch (OpenStackException ex)
            {
                RequestTrace.Write($"Could not delete the unverified object '{name}' in '{container}': {ex.Message}");
                return false;
            }
        }

        /// <summary>The segments of the static large object stored under the name now (none when there is no such
        /// object or it is not a static large object).</summary>
        private async Task<IReadOnlyList<SloSegment>> SegmentsOfAsync(string container, string name, CancellationToken cancellationToken)
        {
            try
            {
                var existing = await GetObjectAsync(container, name, cancellationToken).ConfigureAwait(false);
                return existing.IsStaticLargeObject ? await GetManifestAsync(container, name, cancellationToken).ConfigureAwait(false) : new SloSegment[0];
            }
            catch (ResourceNotFoundException)
            {
                return new SloSegment[0];
            }
        }

        /// <summary>The segments of a static large object (GET ?multipart-manifest=get).</summary>
        public async Task<IReadOnlyList<SloSegment>> GetManifestAsync(string container, string name, CancellationToken cancellationToken)
        {
            var request = Request(HttpMethod.Get, SwiftPaths.Object(container, name));
            request.Query["multipart-manifest"] = "get";
            var manifest = (await SendAsync(request, cancellationToken).ConfigureAwait(false)).Json();
            if (manifest.ValueKind != System.Text.Json.JsonValueKind.Array)
                throw new InvalidResponseException($"The manifest of '{name}' in '{container}' is not a JSON list.");
            return manifest.EnumerateArray().Select(SloSegment.FromManifest).ToList();
        }

        /// <summary>Deletes segments that no manifest uses any more; failures are traced, not thrown (the upload itself
        /// succeeded).</summary>
        private async Task DeleteSegmentsAsync(IReadOnlyList<SloSegment> segments, CancellationToken cancellationToken)
        {
            foreach (var group in segments.Select(s => s.Location).GroupBy(l => l.Container))
            {
                try
                {
                    var objects = group.Select(l => new StorageObject(group.Key, l.Name, _cloud)).ToList();
                    var failures = await DeleteObjectsAsync(group.Key, objects, null, cancellationToken).ConfigureAwait(false);
                    foreach (var failure in failures)
                        RequestTrace.Write($"Could not delete the old segment '{failure.Key}' in '{group.Key}': {failure.Value}");
                }
                catch (OpenStackException ex)
                {
                    RequestTrace.Write($"Could not delete the old segments in '{group.Key}': {ex.Message}");
                }
            }
        }
    }
}
