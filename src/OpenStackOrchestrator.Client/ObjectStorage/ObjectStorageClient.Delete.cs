using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Deleting many objects: through the bulk middleware when the cluster has it (one POST per
    /// <see cref="BulkDeleteBatch"/> names), otherwise a few DELETEs at a time. Static large objects are deleted one by
    /// one so that their segments go too.</summary>
    public sealed partial class ObjectStorageClient
    {
        // Small enough for a batch to finish well within one request's timeout.
        internal const int BulkDeleteBatch = 500;

        /// <summary>Deletes the objects (pseudo-folder entries of a listing are skipped); returns the ones that could
        /// not be deleted, by name, with the reason. Objects already gone count as deleted.</summary>
        /// <param name="progress">Called with the number of objects deleted so far.</param>
        public async Task<IReadOnlyDictionary<string, string>> DeleteObjectsAsync(string container, IReadOnlyCollection<StorageObject> objects,
            Action<long>? progress, CancellationToken cancellationToken)
        {
            var failures = new ConcurrentDictionary<string, string>();
            var deleted = new Counter(progress);
            var real = objects.Where(o => !o.IsCommonPrefix).ToList();
            var large = real.Where(o => o.IsStaticLargeObject).ToList();
            var plain = real.Where(o => !o.IsStaticLargeObject).ToList();
            var capabilities = await GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
            if (capabilities.MaxDeletesPerRequest > 0 && plain.Count > 1)
            {
                var size = Math.Min(BulkDeleteBatch, capabilities.MaxDeletesPerRequest);
                var batches = Enumerable.Range(0, (plain.Count + size - 1) / size).Select(b => plain.Skip(b * size).Take(size).ToList()).ToList();
                await RunBoundedAsync(batches, (batch, ct) => BulkDeleteAsync(container, batch, failures, deleted, ct), cancellationToken).ConfigureAwait(false);
                plain.Clear();
            }
            await RunBoundedAsync(plain.Concat(large), async (o, ct) =>
            {
                try
                {
                    await DeleteObjectAsync(container, o.Name, o.IsStaticLargeObject, ct).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    // already gone
                }
                catch (OpenStackException ex)
                {
                    failures[o.Name] = ex.Message;
                    return;
                }
                deleted.Add(1);
            }, cancellationToken).ConfigureAwait(false);
            return failures;
        }

        private async Task BulkDeleteAsync(string container, IReadOnlyList<StorageObject> batch, ConcurrentDictionary<string, string> failures,
            Counter deleted, CancellationToken cancellationToken)
        {
            var lines = string.Join("\n", batch.Select(o => SwiftPaths.Object(container, o.Name)));
            var request = Request(HttpMethod.Post, "");
            request.Query["bulk-delete"] = "true";
            request.Headers["Accept"] = "application/json";
            using (var body = new MemoryStream(Encoding.UTF8.GetBytes(lines)))
            {
                var response = await _cloud.SendStreamAsync(request, new StreamBody(body, "text/plain"), cancellationToken).ConfigureAwait(false);
                var report = BulkReport.Parse(response.Json());
                var prefix = "/" + container + "/";
                foreach (var error in report.Errors)
                {
                    var path = Uri.UnescapeDataString(error.Key);
                    failures[path.StartsWith(prefix, StringComparison.Ordinal) ? path.Substring(prefix.Length) : path] = error.Value;
                }
                deleted.Add(batch.Count - report.Errors.Count);
            }
        }

        /// <summary>A thread-safe running count reported after each change.</summary>
        internal sealed class Counter
        {
            private readonly Action<long>? _report;
            private long _value;

            public Counter(Action<long>? report) => _report = report;

            public void Add(long amount)
            {
                var value = Interlocked.Add(ref _value, amount);
                lock (this)
                    _report?.Invoke(value);
            }
        }
    }
}
