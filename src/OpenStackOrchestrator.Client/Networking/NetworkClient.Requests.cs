using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Networking
{
    /// <summary>The requests every Neutron resource shares: paged lists, get, create, update, delete.</summary>
    public sealed partial class NetworkClient
    {
        /// <summary>Items per list request; 0 (the default) asks for the whole collection in one response, as the CLI and
        /// openstacksdk do. A page size bounds each response on large clouds at the cost of one more request per list.</summary>
        public int PageSize
        {
            get => _cloud.PageSizes.TryGetValue(ServiceTypes.Network, out var size) ? size : 0;
            set => _cloud.PageSizes[ServiceTypes.Network] = value;
        }

        /// <summary>Every item of a collection, page after page. Neutron applies LIMIT before it drops rows that its RBAC
        /// joins duplicate or that policy hides, so a page can come back short, without a next link, before the end
        /// (seen with ?limit=2 on networks). A paged walk (a page size, -First, or pages the server imposes) therefore goes on
        /// from the last id until a page comes back empty.</summary>
        private async IAsyncEnumerable<T> ListResourcesAsync<T>(string path, string collectionKey, IDictionary<string, string> query, int? limit,
            Func<JsonElement, T> create, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var pageSize = limit ?? (PageSize > 0 ? PageSize : (int?)null);
            if (pageSize.HasValue)
                query["limit"] = pageSize.Value.ToString(CultureInfo.InvariantCulture);
            var paged = pageSize.HasValue;
            var next = CloudConnection.BuildUrl("", "/v2.0/" + path, query);
            var requested = new HashSet<string>();
            var returned = 0;
            while (next != null && requested.Add(next))
            {
                var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Network, next), cancellationToken).ConfigureAwait(false);
                var root = response.Json();
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(collectionKey, out var items) || items.ValueKind != JsonValueKind.Array)
                    throw new InvalidResponseException($"The response from {response.Url} has no '{collectionKey}' list.")
                    { Service = ServiceTypes.Network, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
                string? lastId = null;
                foreach (var item in items.EnumerateArray())
                {
                    lastId = item.Str("id");
                    yield return create(item);
                    if (limit.HasValue && ++returned >= limit.Value)
                        yield break;
                }
                if (lastId == null)
                    yield break;
                var link = Pagination.NextLink(root, collectionKey);
                paged |= link != null;
                next = link ?? (paged ? CloudConnection.BuildUrl("", "/v2.0/" + path, WithMarker(query, lastId)) : null);
            }
        }

        private static Dictionary<string, string> WithMarker(IDictionary<string, string> query, string marker) =>
            new Dictionary<string, string>(query) { ["marker"] = marker };

        /// <param name="fields">Neutron's ?fields=a&amp;fields=b: only those fields (null: all).</param>
        private async Task<JsonElement> GetResourceAsync(string path, string id, string key, CancellationToken cancellationToken, string? fields = null)
        {
            var json = await _cloud.GetJsonAsync(ServiceTypes.Network, $"/v2.0/{path}/{Uri.EscapeDataString(id)}{fields}", cancellationToken).ConfigureAwait(false);
            return Single(json, key, null);
        }

        private async Task<JsonElement> CreateResourceAsync(string path, string key, IDictionary<string, object?> fields, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { [key] = fields });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Network, "/v2.0/" + path) { JsonBody = body }, cancellationToken).ConfigureAwait(false);
            return Single(response.Json(), key, response);
        }

        private async Task<JsonElement> UpdateResourceAsync(string path, string id, string key, IDictionary<string, object?> fields, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { [key] = fields });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Put, ServiceTypes.Network, $"/v2.0/{path}/{Uri.EscapeDataString(id)}") { JsonBody = body },
                cancellationToken).ConfigureAwait(false);
            return Single(response.Json(), key, response);
        }

        private async Task DeleteResourceAsync(string path, string id, CancellationToken cancellationToken)
        {
            await _cloud.SendAsync(new ServiceRequest(HttpMethod.Delete, ServiceTypes.Network, $"/v2.0/{path}/{Uri.EscapeDataString(id)}"), cancellationToken).ConfigureAwait(false);
        }

        private static JsonElement Single(JsonElement root, string key, ServiceResponse? response)
        {
            var item = root.Obj(key);
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException($"Neutron's answer has no '{key}' object.")
                { Service = ServiceTypes.Network, RequestId = response?.RequestId, Url = response?.Url };
            return item;
        }

        private static Dictionary<string, string> Query() => new Dictionary<string, string>();

        /// <summary>?fields=id&amp;fields=name, for lookups that need no more (the query repeats the key, which a
        /// dictionary cannot hold, so it travels in the path).</summary>
        private const string IdAndName = "?fields=id&fields=name";
    }
}
