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
    /// <summary>Objects one at a time: read (HEAD, with metadata), delete, copy on the server, change metadata.</summary>
    public sealed partial class ObjectStorageClient
    {
        public async Task<StorageObject> GetObjectAsync(string container, string name, CancellationToken cancellationToken)
        {
            var response = await SendAsync(Request(HttpMethod.Head, SwiftPaths.Object(container, name)), ObjectNamed(container, name), cancellationToken).ConfigureAwait(false);
            return StorageObject.FromHeaders(container, name, response.Headers, _cloud);
        }

        /// <summary>Deletes an object; a static large object goes with its segments.</summary>
        /// <param name="isStaticLargeObject">Null: find out with a HEAD first.</param>
        public async Task DeleteObjectAsync(string container, string name, bool? isStaticLargeObject, CancellationToken cancellationToken)
        {
            var isStatic = isStaticLargeObject ?? (await GetObjectAsync(container, name, cancellationToken).ConfigureAwait(false)).IsStaticLargeObject;
            var request = Request(HttpMethod.Delete, SwiftPaths.Object(container, name));
            if (!isStatic)
            {
                await SendAsync(request, ObjectNamed(container, name), cancellationToken).ConfigureAwait(false);
                return;
            }
            // Swift answers 200 with a bulk-style report, so errors are in the body, not the status.
            request.Query["multipart-manifest"] = "delete";
            var report = BulkReport.Parse((await SendAsync(request, cancellationToken).ConfigureAwait(false)).Json());
            if (report.Errors.Count > 0)
                throw new ObjectNotDeletedException($"Deleting large object '{name}' in container '{container}' failed: " +
                                             string.Join("; ", report.Errors.Select(e => $"{e.Key}: {e.Value}")));
            if (report.Deleted == 0 && report.NotFound > 0)
                throw new ResourceNotFoundException("object", ObjectNamed(container, name).Name) { Service = "object-store", StatusCode = 404 };
        }

        /// <summary>PUT with X-Copy-From: Swift copies the data itself (a large object becomes one object with all its
        /// bytes, up to the cluster's maximum object size). The copy keeps the source's metadata;
        /// <paramref name="metadata"/> adds to it or overrides it.</summary>
        public async Task<StorageObject> CopyObjectAsync(string container, string name, string destinationContainer, string destinationName,
            IDictionary<string, string>? metadata, CancellationToken cancellationToken)
        {
            var request = Request(HttpMethod.Put, SwiftPaths.Object(destinationContainer, destinationName));
            request.Headers["X-Copy-From"] = SwiftPaths.Object(container, name);
            if (metadata != null)
                SwiftMetadata.Write(request.Headers, SwiftMetadata.ObjectPrefix, metadata);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetObjectAsync(destinationContainer, destinationName, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Changes some metadata and keeps the rest. A POST replaces all of an object's metadata, so the
        /// current metadata is read first and sent back merged.</summary>
        public async Task<StorageObject> UpdateObjectAsync(string container, string name, ObjectUpdate update, CancellationToken cancellationToken)
        {
            CheckMetadata(update.SetMetadata);
            foreach (var key in update.RemoveMetadata)
                SwiftMetadata.CheckedKey(key);
            var current = await GetObjectAsync(container, name, cancellationToken).ConfigureAwait(false);
            var merged = new Dictionary<string, string>(current.Metadata.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
            foreach (var key in update.RemoveMetadata)
                merged.Remove(key);
            foreach (var pair in update.SetMetadata)
                merged[pair.Key] = pair.Value;
            var request = Request(HttpMethod.Post, SwiftPaths.Object(container, name));
            SwiftMetadata.Write(request.Headers, SwiftMetadata.ObjectPrefix, merged);
            // Only when asked: sending a large object's type back would lose the total size Swift keeps in it. Content-Type
            // is a header of the body, so the new type goes with an empty one.
            if (update.ContentType != null)
                using (var empty = new MemoryStream())
                    await _cloud.SendStreamAsync(request, new StreamBody(empty, update.ContentType, 0), cancellationToken).ConfigureAwait(false);
            else
                await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await GetObjectAsync(container, name, cancellationToken).ConfigureAwait(false);
        }
    }
}
