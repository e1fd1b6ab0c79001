using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>List (every paging style, limit pushed down), get, resolve by name or id, create, update and delete for
    /// any declared resource.</summary>
    public static class ResourceClient
    {
        public static async IAsyncEnumerable<T> ListResourcesAsync<T>(this CloudConnection cloud, ResourceDefinition<T> definition, ListQuery? query = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : OSResource
        {
            query ??= new ListQuery();
            var version = await MicroversionAsync(cloud, definition, "Listing " + Plural(definition.Kind), cancellationToken).ConfigureAwait(false);
            var limit = query.Limit;
            if (limit.HasValue && definition.LimitMicroversion != null && version != null &&
                ApiVersion.Parse(version) < ApiVersion.Parse(definition.LimitMicroversion))
                limit = null;
            RefuseTagFiltersBelow(definition, query, version, cloud);
            var defaultPageSize = query.PageSize > 0 ? query.PageSize
                : cloud.PageSizes.TryGetValue(definition.ServiceType, out var size) && size > 0 ? size : definition.DefaultPageSize;
            var pageSize = limit ?? (defaultPageSize > 0 ? defaultPageSize : (int?)null);
            var parameters = QueryParameters(definition, query, pageSize);
            var paged = pageSize.HasValue;
            var listPath = definition.ListPath ?? definition.Path;
            string? next = WithQuery(listPath, parameters);
            var requested = new HashSet<string>();
            var returned = 0;
            while (next != null && requested.Add(next))
            {
                var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, definition.ServiceType, next) { Microversion = version, RequiredRole = definition.RequiredRole }, cancellationToken)
                    .ConfigureAwait(false);
                var root = response.Json();
                var items = root;
                var bare = definition.CollectionKey.Length == 0;
                if (bare ? root.ValueKind != JsonValueKind.Array
                    : root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(definition.CollectionKey, out items) || items.ValueKind != JsonValueKind.Array)
                    throw new InvalidResponseException(bare ? $"The response from {response.Url} is not a list of {Plural(definition.Kind)}." : $"The response from {response.Url} has no '{definition.CollectionKey}' list.")
                    { Service = definition.ServiceType, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
                string? last = null;
                var count = 0;
                foreach (var element in items.EnumerateArray())
                {
                    var item = Read(cloud, definition, definition.ListItemKey == null ? element : element.Obj(definition.ListItemKey), response);
                    last = definition.IdIsName ? item.Name : item.Id;
                    count++;
                    yield return item;
                    if (limit.HasValue && ++returned >= limit.Value)
                        yield break;
                }
                if (last == null)
                    yield break;
                if (definition.Paging == PagingStyle.Marker)
                {
                    next = pageSize.HasValue && count >= pageSize.Value ? WithQuery(listPath, WithMarker(parameters, last)) : null;
                    continue;
                }
                var link = bare ? null : Pagination.NextLink(root, definition.CollectionKey);
                paged |= link != null;
                next = link ?? (paged && definition.Paging == PagingStyle.NeutronMarker ? WithQuery(listPath, WithMarker(parameters, last)) : null);
                if (definition.Paging == PagingStyle.None)
                    yield break;
            }
        }

        public static async Task<T> GetResourceAsync<T>(this CloudConnection cloud, ResourceDefinition<T> definition, string id, CancellationToken cancellationToken,
            IReadOnlyList<string>? fields = null) where T : OSResource
        {
            var version = await MicroversionAsync(cloud, definition, "Getting a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            var parameters = new List<KeyValuePair<string, string>>();
            if (fields != null && definition.SupportsFields)
                parameters.AddRange(fields.Select(f => new KeyValuePair<string, string>("fields", f)));
            var path = WithQuery(definition.Path + "/" + PathSegment.Id(definition.Kind, id), parameters);
            var response = await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, definition.ServiceType, path) { Microversion = version, RequiredRole = definition.RequiredRole }, cancellationToken)
                .ConfigureAwait(false);
            return Single(cloud, definition, response);
        }

        /// <summary>The one resource a name or an id stands for: the id is tried first, then the exact name (filtered
        /// server-side where the service can); none is a NameNotFound error, several an AmbiguousName error listing them.</summary>
        public static Task<T> ResolveResourceAsync<T>(this CloudConnection cloud, ResourceDefinition<T> definition, string nameOrId,
            CancellationToken cancellationToken) where T : OSResource
        {
            if (definition.IdIsName)
                return ResolveNamedAsync(cloud, definition, nameOrId, cancellationToken);
            return NameResolver.ResolveOneAsync(definition.Kind, nameOrId, (id, ct) => cloud.GetResourceAsync(definition, id, ct),
                (name, ct) => NameResolver.ToListAsync(cloud.ListResourcesAsync(definition, ExactName(definition, name), ct)),
                r => r.Id, r => r.Name, cancellationToken);
        }

        internal static ListQuery ExactName<T>(ResourceDefinition<T> definition, string name) where T : OSResource
        {
            var query = definition.NameRegexFilter is string regex
                ? new ListQuery().Filter(regex, "^" + System.Text.RegularExpressions.Regex.Escape(name) + "$")
                : new ListQuery { Name = name };
            foreach (var filter in definition.NameLookupFilters)
                query.Filter(filter.Key, filter.Value);
            return query;
        }

        private static async Task<T> ResolveNamedAsync<T>(CloudConnection cloud, ResourceDefinition<T> definition, string name, CancellationToken cancellationToken)
            where T : OSResource
        {
            try
            {
                return await cloud.GetResourceAsync(definition, name, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                throw new NameNotFoundException(definition.Kind, name);
            }
        }

        /// <summary>POST {"key": request} to the collection; the answer is the new resource.</summary>
        public static async Task<T> CreateResourceAsync<T, TRequest>(this CloudConnection cloud, ResourceDefinition<T> definition, TRequest request,
            JsonTypeInfo<TRequest> requestJson, CancellationToken cancellationToken) where T : OSResource
        {
            var version = await MicroversionAsync(cloud, definition, "Creating a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            var body = definition.Unwrapped ? JsonSerializer.Serialize(request, requestJson) : Wrap(definition.Key, request, requestJson);
            var response = await cloud.SendCreateAsync(definition, new ServiceRequest(HttpMethod.Post, definition.ServiceType, definition.Path) { JsonBody = body, Microversion = version, RequiredRole = definition.RequiredRole },
                cancellationToken).ConfigureAwait(false);
            return Single(cloud, definition, response);
        }

        /// <summary>PUT {"key": update} to the resource; the answer is the resource as it now is.</summary>
        public static async Task<T> UpdateResourceAsync<T, TUpdate>(this CloudConnection cloud, ResourceDefinition<T> definition, string id, TUpdate update,
            JsonTypeInfo<TUpdate> updateJson, CancellationToken cancellationToken) where T : OSResource
        {
            var version = await MicroversionAsync(cloud, definition, "Changing a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            var body = definition.Unwrapped ? JsonSerializer.Serialize(update, updateJson) : Wrap(definition.Key, update, updateJson);
            var request = new ServiceRequest(HttpMethod.Put, definition.ServiceType, definition.Path + "/" + PathSegment.Id(definition.Kind, id)) { JsonBody = body, Microversion = version, RequiredRole = definition.RequiredRole };
            return Single(cloud, definition, await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        public static async Task DeleteResourceAsync<T>(this CloudConnection cloud, ResourceDefinition<T> definition, string id, CancellationToken cancellationToken)
            where T : OSResource
        {
            var version = await MicroversionAsync(cloud, definition, "Deleting a " + definition.Kind, cancellationToken).ConfigureAwait(false);
            var request = new ServiceRequest(HttpMethod.Delete, definition.ServiceType, definition.Path + "/" + PathSegment.Id(definition.Kind, id)) { Microversion = version, RequiredRole = definition.RequiredRole };
            if (definition.DeleteAccept != null)
                request.Headers["Accept"] = definition.DeleteAccept;
            await cloud.SendAsync(request, cancellationToken).ConfigureAwait(false);
            CreateAftermath.Observer?.Removed(id);
        }

        /// <summary>The microversion the resource's requests carry: the highest up to the wanted one that the cloud offers.</summary>
        public static async Task<string?> MicroversionAsync<T>(CloudConnection cloud, ResourceDefinition<T> definition, string operation, CancellationToken cancellationToken)
            where T : OSResource =>
            definition.Microversion == null
                ? null
                : await cloud.NegotiateMicroversionAsync(definition.ServiceType, definition.MinimumMicroversion ?? definition.Microversion, definition.Microversion,
                    operation, cancellationToken).ConfigureAwait(false);

        private static T Single<T>(CloudConnection cloud, ResourceDefinition<T> definition, ServiceResponse response) where T : OSResource
        {
            var item = definition.Unwrapped ? response.Json() : response.Json().Obj(definition.Key);
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidResponseException($"The answer from {response.Url} has no '{definition.Key}' object.")
                { Service = definition.ServiceType, StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
            return Read(cloud, definition, item, response);
        }

        /// <summary>A resource from JSON that came inside another answer (a server's nested port, a stack's resource).</summary>
        internal static T ReadResource<T>(this CloudConnection cloud, ResourceDefinition<T> definition, JsonElement element, ServiceResponse? response = null)
            where T : OSResource => Read(cloud, definition, element, response);

        private static T Read<T>(CloudConnection cloud, ResourceDefinition<T> definition, JsonElement element, ServiceResponse? response) where T : OSResource
        {
            T? item;
            try
            {
                item = element.Deserialize(definition.Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidResponseException($"A {definition.Kind} in the answer from {response?.Url ?? definition.ServiceType} could not be read: {ex.Message}", ex)
                { Service = definition.ServiceType, StatusCode = response?.StatusCode, RequestId = response?.RequestId, Url = response?.Url };
            }
            if (item == null)
                throw new InvalidResponseException($"The answer from {response?.Url ?? definition.ServiceType} has an empty {definition.Kind}.")
                { Service = definition.ServiceType, StatusCode = response?.StatusCode, RequestId = response?.RequestId, Url = response?.Url };
            item.Cloud = cloud;
            return item;
        }

        private static string Wrap<TBody>(string key, TBody body, JsonTypeInfo<TBody> json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, body, json);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static List<KeyValuePair<string, string>> QueryParameters<T>(ResourceDefinition<T> definition, ListQuery query, int? pageSize) where T : OSResource
        {
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var filter in query.Filters)
            {
                if (!definition.TryGetFilterKey(filter.Key, out var key))
                    throw new ArgumentException($"Listing {Plural(definition.Kind)} has no filter '{filter.Key}'; it has: {string.Join(", ", definition.FilterNames)}.");
                AddFilter(definition, parameters, key, filter.Value);
            }
            var name = query.Name == null || definition.NameFilterValue == null ? query.Name : definition.NameFilterValue(query.Name);
            if (name != null && definition.NameFilter != null)
                AddFilter(definition, parameters, definition.NameFilter, name);
            if (query.Fields != null && definition.SupportsFields)
                parameters.AddRange(query.Fields.Select(f => new KeyValuePair<string, string>("fields", f)));
            if (pageSize.HasValue)
                parameters.Add(new KeyValuePair<string, string>("limit", pageSize.Value.ToString(CultureInfo.InvariantCulture)));
            return parameters;
        }

        /// <summary>key=value, or for a service of query expressions (Aodh) the triple q.field=key, q.op=eq, q.value=value.</summary>
        private static void AddFilter<T>(ResourceDefinition<T> definition, List<KeyValuePair<string, string>> parameters, string key, string value) where T : OSResource
        {
            if (!definition.QueryExpressionFilters)
            {
                parameters.Add(new KeyValuePair<string, string>(key, value));
                return;
            }
            parameters.Add(new KeyValuePair<string, string>("q.field", key));
            parameters.Add(new KeyValuePair<string, string>("q.op", "eq"));
            parameters.Add(new KeyValuePair<string, string>("q.value", value));
        }

        /// <summary>A service below the tags microversion ignores tag filters (and would list everything): refused instead.</summary>
        private static void RefuseTagFiltersBelow<T>(ResourceDefinition<T> definition, ListQuery query, string? version, CloudConnection cloud) where T : OSResource
        {
            if (definition.Tagging?.Microversion is string tagged && version != null && ApiVersion.Parse(version) < ApiVersion.Parse(tagged) &&
                query.Filters.Keys.Any(k => TagSupport.Filters.ContainsKey(k)))
                throw new MicroversionNotSupportedException(
                    $"Filtering {Plural(definition.Kind)} by tags needs {definition.ServiceType} API microversion {tagged}; cloud '{cloud.Name}' offers up to {version}.");
        }

        private static List<KeyValuePair<string, string>> WithMarker(List<KeyValuePair<string, string>> parameters, string marker) =>
            parameters.Where(p => p.Key != "marker").Append(new KeyValuePair<string, string>("marker", marker)).ToList();

        /// <summary>The path with its query (keys may repeat: Neutron's fields=a&amp;fields=b).</summary>
        private static string WithQuery(string path, IReadOnlyCollection<KeyValuePair<string, string>> parameters) =>
            parameters.Count == 0 ? path
                : path + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

        private static string Plural(string kind) => kind.EndsWith("s", StringComparison.Ordinal) ? kind + "es" : kind + "s";
    }
}
