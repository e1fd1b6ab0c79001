using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Connection
{
    /// <summary>Where each service of a connection answers (clouds.yaml overrides, else the token's catalog) and which
    /// microversions it offers (its version document, read once per connection).</summary>
    internal sealed class EndpointCatalog
    {
        private readonly CloudConfig _config;
        private readonly TokenSession _tokens;
        private readonly Func<string, string, CancellationToken, Task<JsonElement>> _getJson;
        private readonly Dictionary<string, MicroversionRange?> _microversions = new Dictionary<string, MicroversionRange?>();

        /// <param name="getJson">GETs a path of a service (service type, path) through the connection's request pipeline.</param>
        public EndpointCatalog(CloudConfig config, TokenSession tokens, Func<string, string, CancellationToken, Task<JsonElement>> getJson)
        {
            _config = config;
            _tokens = tokens;
            _getJson = getJson;
        }

        public async Task<string> GetEndpointAsync(string serviceType, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            return Resolve(token, serviceType);
        }

        /// <summary>The endpoint URL of a service type in the catalog of <paramref name="token"/>, without a trailing slash.</summary>
        public string Resolve(Token token, string serviceType)
        {
            string url;
            var overridden = ServiceTypes.Candidates(serviceType).Select(t => _config.EndpointOverrides.TryGetValue(t, out var o) ? o : null).FirstOrDefault(o => o != null);
            if (overridden != null)
                url = overridden;
            else if (ServiceTypes.Canonical(serviceType) == ServiceTypes.Identity && token.Catalog.Endpoints.All(e => e.ServiceType != ServiceTypes.Identity))
                url = _tokens.IdentityUrl;
            else
                url = token.Catalog.Find(serviceType, _config.RegionName, _config.Interface);
            return Substituted(url, token);
        }

        private static string Substituted(string url, Token token) =>
            url.Replace("%(project_id)s", token.ProjectId).Replace("%(tenant_id)s", token.ProjectId)
               .Replace("$(project_id)s", token.ProjectId).Replace("$(tenant_id)s", token.ProjectId).TrimEnd('/');

        /// <summary>Every endpoint the connection may send its token to: all of the catalog's (any region, any
        /// interface), the clouds.yaml overrides, and the identity URL.</summary>
        public IReadOnlyList<string> TrustedEndpoints(Token token) =>
            token.Catalog.Endpoints.Select(e => Substituted(e.Url, token))
                .Concat(_config.EndpointOverrides.Values.Select(o => Substituted(o, token)))
                .Append(_tokens.IdentityUrl.TrimEnd('/'))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>Whether <paramref name="url"/> lies under one of <see cref="TrustedEndpoints"/> (same scheme, host,
        /// port, and path prefix on a segment boundary).</summary>
        public bool IsUnderTrustedEndpoint(Token token, string url)
        {
            var uri = UrlScope.Parse(url);
            return uri != null && TrustedEndpoints(token).Select(UrlScope.Parse).Any(e => e != null && UrlScope.IsUnder(uri, e));
        }

        /// <summary>Whether the token may go to <paramref name="url"/>: its scheme, host and port are those of a
        /// trusted endpoint (the service's version document and Swift's /info sit beside the endpoint's path).</summary>
        public bool IsTrustedOrigin(Token token, string url)
        {
            var uri = UrlScope.Parse(url);
            return uri != null && TrustedEndpoints(token).Select(UrlScope.Parse).Any(e => e != null && UrlScope.SameOrigin(uri, e));
        }

        public async Task<MicroversionRange?> GetMicroversionRangeAsync(string serviceType, CancellationToken cancellationToken)
        {
            var key = ServiceTypes.Canonical(serviceType);
            lock (_microversions)
                if (_microversions.TryGetValue(key, out var cached)) return cached;
            var endpoint = await GetEndpointAsync(serviceType, cancellationToken).ConfigureAwait(false);
            var root = await _getJson(serviceType, Pagination.VersionRoot(endpoint) + "/", cancellationToken).ConfigureAwait(false);
            var range = Microversions.Parse(root);
            lock (_microversions)
                _microversions[key] = range;
            return range;
        }

        public async Task<string> NegotiateMicroversionAsync(string serviceType, string required, string wanted, string operation,
            CancellationToken cancellationToken)
        {
            var range = await GetMicroversionRangeAsync(serviceType, cancellationToken).ConfigureAwait(false);
            var need = ApiVersion.Parse(required);
            var want = ApiVersion.Parse(wanted);
            if (range == null)
                return required;
            if (range.Max < need)
                throw new MicroversionNotSupportedException(
                    $"{operation} needs {serviceType} API microversion {need} or later; cloud '{_config.Name}' offers {range.Min} to {range.Max}.")
                { Service = serviceType };
            return (want <= range.Max ? want : range.Max).ToString();
        }
    }
}
