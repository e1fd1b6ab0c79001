using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Downloads, copied to the destination as they arrive and verified: an object's bytes against its ETag
    /// (MD5), a static large object's bytes segment by segment against its manifest, and every download's size.</summary>
    public sealed partial class ObjectStorageClient
    {
        /// <summary>GET of an object into <paramref name="destination"/>; returns the object as it was when the download
        /// started. On a ChecksumMismatchException the destination holds bad bytes: the caller discards them.</summary>
        public async Task<StorageObject> DownloadAsync(string container, string name, Stream destination, Action<long>? progress,
            CancellationToken cancellationToken)
        {
            var head = await GetObjectAsync(container, name, cancellationToken).ConfigureAwait(false);
            var request = Request(HttpMethod.Get, SwiftPaths.Object(container, name));
            if (head.IsStaticLargeObject)
            {
                var segments = await GetManifestAsync(container, name, cancellationToken).ConfigureAwait(false);
                if (SegmentVerifyingStream.CanVerify(segments))
                {
                    using (var verifying = new SegmentVerifyingStream(destination, segments, container, name))
                    {
                        var response = await _cloud.ReceiveStreamAsync(request, verifying, progress, cancellationToken).ConfigureAwait(false);
                        verifying.Complete();
                        CheckUnchanged(head, response);
                    }
                    return head;
                }
            }
            using (var hashing = new HashingStream(destination, secondAlgorithm: null))
            {
                var response = await _cloud.ReceiveStreamAsync(request, hashing, progress, cancellationToken).ConfigureAwait(false);
                var received = hashing.Complete();
                CheckUnchanged(head, response);
                if (received.Bytes != head.SizeBytes)
                    throw ObjectChecksums.Mismatch(container, name, "download", "size", head.SizeBytes.ToString(), received.Bytes.ToString());
                // A dynamic large object has no checksum of its bytes (nor has a static one with partial segments).
                var isLarge = response.Header("X-Object-Manifest") != null || response.Header("X-Static-Large-Object") != null;
                var etag = StorageObject.Unquote(response.Header("ETag")) ?? head.Hash;
                if (!isLarge && etag != null && !string.Equals(etag, received.Md5, StringComparison.OrdinalIgnoreCase))
                    throw ObjectChecksums.Mismatch(container, name, "download", "md5", etag, received.Md5);
            }
            return head;
        }

        private static void CheckUnchanged(StorageObject head, ServiceResponse response)
        {
            var etag = StorageObject.Unquote(response.Header("ETag"));
            if (etag != null && head.Hash != null && !string.Equals(etag, head.Hash, StringComparison.OrdinalIgnoreCase))
                throw ObjectChecksums.Mismatch(head.Container, head.Name, "download", "etag", head.Hash, etag, "The object was replaced while it was being downloaded.");
        }
    }
}
