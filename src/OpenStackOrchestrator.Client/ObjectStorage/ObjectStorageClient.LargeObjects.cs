using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Static large objects: the file is cut into segments uploaded in parallel (each verified by its MD5)
    /// into "&lt;container&gt;_segments", then a manifest that lists them is put under the object's name. If anything
    /// fails (or is cancelled) before the manifest is in place, the segments uploaded so far are deleted.</summary>
    public sealed partial class ObjectStorageClient
    {
        private async Task<StorageObject> UploadLargeAsync(string container, string name, string path, long length, ObjectUploadOptions options,
            SwiftCapabilities capabilities, Action<long>? progress, CancellationToken cancellationToken)
        {
            var segmentSize = options.SegmentSize;
            var count = (int)((length + segmentSize - 1) / segmentSize);
            if (count > capabilities.MaxManifestSegments)
                throw new BadRequestException(
                    $"'{path}' would need {count} segments of {segmentSize / 1048576.0:0.#} MiB; this cloud allows {capabilities.MaxManifestSegments} per large object. " +
                    $"Use segments of at least {Math.Ceiling(length / 1048576.0 / capabilities.MaxManifestSegments):0} MiB.") { Service = "object-store" };
            var segmentContainer = SwiftPaths.SegmentContainer(container);
            await EnsureContainerAsync(segmentContainer, cancellationToken).ConfigureAwait(false);

            // The swift client's layout: <name>/slo/<time>/<size>/<segment size>/<index>, unique per upload.
            var seconds = (DateTime.UtcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            var prefix = string.Format(CultureInfo.InvariantCulture, "{0}/slo/{1:0.000000}/{2}/{3}/", name, seconds, length, segmentSize);
            var segments = new SloSegment[count];
            var total = new Counter(progress);
            var sentBySegment = new long[count];
            var started = new bool[count];
            var contentType = options.ContentType ?? ContentTypes.ForName(name);
            try
            {
                await RunBoundedAsync(Enumerable.Range(0, count), async (index, ct) =>
                {
                    var offset = index * segmentSize;
                    var size = Math.Min(segmentSize, length - offset);
                    var segmentName = SegmentName(prefix, index);
                    Volatile.Write(ref started[index], true);
                    using (var segment = new FileSegmentStream(OpenRead(path), offset, size))
                    {
                        var uploaded = await UploadAsync(segmentContainer, segmentName, segment, size, new ObjectUploadOptions { ContentType = ContentTypes.Default },
                            sent => total.Add(sent - Interlocked.Exchange(ref sentBySegment[index], sent)), ct).ConfigureAwait(false);
                        segments[index] = new SloSegment("/" + segmentContainer + "/" + segmentName, uploaded.Hash!, size);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await DeleteUploadedSegmentsAsync(segmentContainer, prefix, StartedSegments(prefix, started)).ConfigureAwait(false);
                throw;
            }

            var request = Request(HttpMethod.Put, SwiftPaths.Object(container, name));
            request.Query["multipart-manifest"] = "put";
            SwiftMetadata.Write(request.Headers, SwiftMetadata.ObjectPrefix, options.Metadata);
            ServiceResponse response;
            try
            {
                using (var manifest = new MemoryStream(SloSegment.ManifestJson(segments)))
                    response = await _cloud.SendStreamAsync(request, new StreamBody(manifest, contentType), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                await DeleteManifestIfStoredAsync(container, name, segmentContainer, prefix).ConfigureAwait(false);
                await DeleteUploadedSegmentsAsync(segmentContainer, prefix, StartedSegments(prefix, started)).ConfigureAwait(false);
                throw;
            }
            var etag = ObjectChecksums.LargeObjectEtag(segments.Select(s => s.Etag));
            await VerifyUploadAsync(container, name, StorageObject.Unquote(response.Header("ETag")), etag, isStatic: true).ConfigureAwait(false);
            return new StorageObject(container, name, _cloud)
            {
                SizeBytes = length,
                Hash = etag,
                ContentType = contentType,
                LastModified = HttpDates.Parse(response.Header("Last-Modified")),
                IsLargeObject = true,
                IsStaticLargeObject = true,
                Metadata = new Dictionary<string, string>(options.Metadata, StringComparer.OrdinalIgnoreCase),
            };
        }

        private static string SegmentName(string prefix, int index) => prefix + index.ToString("D8", CultureInfo.InvariantCulture);

        private static IEnumerable<string> StartedSegments(string prefix, bool[] started) =>
            Enumerable.Range(0, started.Length).Where(i => Volatile.Read(ref started[i])).Select(i => SegmentName(prefix, i));

        /// <summary>Deletes what a failed or cancelled large upload left: every segment it started, by name, and whatever
        /// a listing of its prefix shows. By name, because a segment whose PUT was cut off after its last byte may be
        /// stored a moment later, after any listing: Swift's DELETE leaves a newer tombstone that then refuses that
        /// late PUT (a 404 counts as deleted). Not cancellable (the upload's own token is cancelled already); each
        /// request has its timeout. Failures are traced: the upload's own error matters more.</summary>
        private async Task DeleteUploadedSegmentsAsync(string segmentContainer, string prefix, IEnumerable<string> started)
        {
            var names = new HashSet<string>(started, StringComparer.Ordinal);
            try
            {
                await foreach (var item in ListObjectsAsync(segmentContainer, new ObjectListOptions { Prefix = prefix }, CancellationToken.None).ConfigureAwait(false))
                    names.Add(item.Name);
            }
            catch (OpenStackException ex)
            {
                RequestTrace.Write($"The upload failed and '{segmentContainer}' could not be listed ({ex.Message}); deleting the {names.Count} segments it started.");
            }
            try
            {
                var leftovers = names.Select(n => new StorageObject(segmentContainer, n, _cloud)).ToList();
                var failures = await DeleteObjectsAsync(segmentContainer, leftovers, null, CancellationToken.None).ConfigureAwait(false);
                RequestTrace.Write($"The upload failed: deleted {leftovers.Count - failures.Count} of its {leftovers.Count} segments from '{segmentContainer}'.");
            }
            catch (OpenStackException ex)
            {
                RequestTrace.Write($"The upload failed and its segments under '{segmentContainer}/{prefix}' could not be deleted: {ex.Message}");
            }
        }

        /// <summary>After a manifest PUT that failed on the client's side (cancelled, timed out), the manifest may be stored
        /// all the same: it is deleted when it is this upload's (its segments are under <paramref name="prefix"/>), so
        /// that no object is left pointing at deleted segments. An object stored under the name by anyone else stays.</summary>
        private async Task DeleteManifestIfStoredAsync(string container, string name, string segmentContainer, string prefix)
        {
            try
            {
                var stored = await GetObjectAsync(container, name, CancellationToken.None).ConfigureAwait(false);
                if (!stored.IsStaticLargeObject)
                    return;
                var segments = await GetManifestAsync(container, name, CancellationToken.None).ConfigureAwait(false);
                if (segments.Count == 0 || !segments.All(s => s.Location.Container == segmentContainer && s.Location.Name.StartsWith(prefix, StringComparison.Ordinal)))
                    return;
                await SendAsync(Request(HttpMethod.Delete, SwiftPaths.Object(container, name)), CancellationToken.None).ConfigureAwait(false);
                RequestTrace.Write($"The upload failed after its manifest was stored: deleted the manifest '{name}' in '{container}'.");
            }
            catch (OpenStackException ex) when (!(ex is ResourceNotFoundException))
            {
                RequestTrace.Write($"The upload failed; whether its manifest '{name}' in '{container}' was stored could not be checked: {ex.Message}");
            }
            catch (ResourceNotFoundException)
            {
                // not stored
            }
        }
    }
}
