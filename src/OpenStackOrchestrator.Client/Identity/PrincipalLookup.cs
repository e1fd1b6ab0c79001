using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Resolution;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>Keystone user and group ids from a name or an id: the id is tried first (GET /users/{id}), then the exact
    /// name (GET /users?name=); a name in several domains is an error listing them. Both need a user who may list users.</summary>
    public static class PrincipalLookup
    {
        public static Task<string> ResolveUserIdAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken) =>
            ResolveAsync(cloud, "user", "/users", "user", "users", nameOrId, cancellationToken);

        public static Task<string> ResolveGroupIdAsync(this CloudConnection cloud, string nameOrId, CancellationToken cancellationToken) =>
            ResolveAsync(cloud, "group", "/groups", "group", "groups", nameOrId, cancellationToken);

        private static async Task<string> ResolveAsync(CloudConnection cloud, string kind, string path, string key, string collectionKey, string nameOrId,
            CancellationToken cancellationToken)
        {
            var found = await NameResolver.ResolveOneAsync(kind, nameOrId,
                async (id, ct) => Named((await cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Identity, path + "/" + Uri.EscapeDataString(id))
                    { RequiredRole = "admin" }, ct).ConfigureAwait(false)).Json().Obj(key)),
                (name, ct) => ListNamedAsync(cloud, path, collectionKey, name, ct),
                p => $"{p.Id}, domain {p.DomainId}", p => p.Name, cancellationToken).ConfigureAwait(false);
            return found.Id;
        }

        private static async Task<List<Principal>> ListNamedAsync(CloudConnection cloud, string path, string collectionKey, string name, CancellationToken ct)
        {
            var request = new ServiceRequest(HttpMethod.Get, ServiceTypes.Identity, path) { RequiredRole = "admin" };
            request.Query["name"] = name;
            var items = (await cloud.SendAsync(request, ct).ConfigureAwait(false)).Json().Arr(collectionKey);
            return items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().Select(Named).ToList() : new List<Principal>();
        }

        private static Principal Named(JsonElement e) => new Principal(e.Str("id") ?? "", e.Str("name") ?? "", e.Str("domain_id"));

        private sealed class Principal
        {
            public Principal(string id, string name, string? domainId)
            {
                Id = id;
                Name = name;
                DomainId = domainId;
            }

            public string Id { get; }
            public string Name { get; }
            public string? DomainId { get; }
        }
    }
}
