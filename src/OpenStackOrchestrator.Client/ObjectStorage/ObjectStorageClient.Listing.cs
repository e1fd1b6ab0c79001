using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.ObjectStorage
{
    /// <summary>Swift listings page with markers: each request asks for the entries after the last name (or
    /// pseudo-folder) of the previous page, until a page comes back shorter than asked.</summary>
    public sealed partial class ObjectStorageClient
    {
        public async IAsyncEnumerable<StorageObject> ListObjectsAsync(string container, ObjectListOptions options,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in ListPagesAsync(SwiftPaths.Container(container), ContainerNamed(container), options.Prefix, options.Delimiter, options.Limit,
                               ObjectStorageJson.Default.ListObjectListing, entry => entry.Name ?? entry.Subdir, cancellationToken).ConfigureAwait(false))
                yield return StorageObject.FromListing(item, container, _cloud);
        }

        private async IAsyncEnumerable<T> ListPagesAsync<T>(string path, SwiftName? what, string? prefix, string? delimiter, int? limit,
            JsonTypeInfo<List<T>> json, Func<T, string?> markerOf, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var marker = "";
            var returned = 0;
            if (limit <= 0)
                yield break;
            while (true)
            {
                var pageSize = limit.HasValue ? Math.Min(ListPageSize, limit.Value - returned) : ListPageSize;
                var request = Request(HttpMethod.Get, path);
                request.Query["format"] = "json";
                request.Query["limit"] = pageSize.ToString(CultureInfo.InvariantCulture);
                if (marker.Length > 0) request.Query["marker"] = marker;
                if (!string.IsNullOrEmpty(prefix)) request.Query["prefix"] = prefix!;
                if (!string.IsNullOrEmpty(delimiter)) request.Query["delimiter"] = delimiter!;
                var response = await SendAsync(request, what, cancellationToken).ConfigureAwait(false);
                var page = response.Json();
                if (page.ValueKind == JsonValueKind.Undefined)
                    yield break;   // 204: an empty account or container
                if (page.ValueKind != JsonValueKind.Array)
                    throw new InvalidResponseException($"The listing from {response.Url} is not a JSON list.") { Url = response.Url, RequestId = response.RequestId };
                List<T> entries;
                try
                {
                    entries = page.Deserialize(json) ?? new List<T>();
                }
                catch (JsonException ex)
                {
                    throw new InvalidResponseException($"The listing from {response.Url} could not be read: {ex.Message}", ex)
                    { Service = "object-store", StatusCode = response.StatusCode, Url = response.Url, RequestId = response.RequestId };
                }
                foreach (var entry in entries)
                {
                    marker = markerOf(entry) ?? marker;
                    yield return entry;
                    if (limit.HasValue && ++returned >= limit.Value)
                        yield break;
                }
                if (entries.Count < pageSize)
                    yield break;
            }
        }
    }
}
