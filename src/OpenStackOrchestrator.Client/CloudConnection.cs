using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Connection;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Images;

namespace OpenStackOrchestrator.Client
{
    /// <summary>One authenticated session with a cloud: configuration, token (renewed before expiry and once
    /// after a 401), catalog, microversion ranges, and the HTTP pipeline shared by the service clients.
    /// The work is done by its parts in <see cref="Connection"/>; this is the face the service clients and the
    /// module see.</summary>
    public sealed class CloudConnection : IDisposable
    {
        private readonly CloudConfig _config;
        private readonly HttpTransport _transport;
        private readonly TokenSession _tokens;
        private readonly EndpointCatalog _endpoints;
        private readonly RequestPipeline _pipeline;
        private readonly ServiceClients _clients;

        public CloudConnection(CloudConfig config, HttpSettings? settings = null)
        {
            _config = config.Clone();
            var http = settings?.Clone() ?? new HttpSettings();
            if (config.ApiTimeout.HasValue) http.Timeout = config.ApiTimeout.Value;
            http.VerifyCertificate = http.VerifyCertificate && config.VerifyCertificate;
            if (http.CACertificatePath == null)
            {
                http.CACertificatePath = config.CACertificatePath;
                http.CACertificateOrigin = config.CACertificateOrigin;
            }
            _transport = new HttpTransport(http);
            _tokens = new TokenSession(_transport, _config);
            _endpoints = new EndpointCatalog(_config, _tokens, (serviceType, path, ct) => GetJsonAsync(serviceType, path, ct));
            _pipeline = new RequestPipeline(_transport, _tokens, _endpoints);
            _clients = new ServiceClients(this);
            Id = Guid.NewGuid().ToString("N").Substring(0, 8);
        }

        // What PowerShell shows of a connection (Format-List, ConvertTo-Json, an object's Cloud property) is these
        // public properties: who is connected where. The token, the HTTP pipeline and the service clients are
        // internal (the module and the tests see them through InternalsVisibleTo).
        public string Id { get; }
        public string Name => _config.Name;
        public string AuthUrl => _tokens.IdentityUrl;
        public string? Region => _config.RegionName;
        public bool IsConnected => _tokens.IsOpen;
        public string? ProjectName => _tokens.Current?.ProjectName ?? _config.ProjectName;
        public string? ProjectId => _tokens.Current?.ProjectId ?? _config.ProjectId;
        public string? UserName => _tokens.Current?.UserName ?? _config.Username;
        public string? UserId => _tokens.Current?.UserId;
        public string? DomainName => _tokens.Current?.ProjectDomainName ?? _tokens.Current?.DomainName;
        public DateTimeOffset? TokenExpiresAt => _tokens.Current?.ExpiresAt;

        internal string AuthType => _config.NormalizedAuthType;
        internal string Interface => _config.Interface;
        internal string Source => _config.Source;
        internal IReadOnlyList<string> Roles => _tokens.Current?.Roles ?? Array.Empty<string>();
        internal IReadOnlyList<string> Services => _tokens.Current?.Catalog.ServiceTypes ?? Array.Empty<string>();
        internal HttpSettings HttpSettings => _transport.Settings;
        /// <summary>How many tokens this connection obtained (1 after Connect; more after renewals).</summary>
        internal int AuthenticationCount => _tokens.AuthenticationCount;
        /// <summary>Items per list request by service type (absent or 0: the whole collection in one answer where the
        /// service allows, as the CLI and openstacksdk do; a page size bounds each answer on large clouds).</summary>
        internal System.Collections.Concurrent.ConcurrentDictionary<string, int> PageSizes { get; } =
            new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        internal ComputeClient Compute => _clients.Compute;
        internal ImageClient Image => _clients.Image;
        internal Networking.NetworkClient Network => _clients.Network;
        internal BlockStorage.BlockStorageClient BlockStorage => _clients.BlockStorage;
        internal Orchestration.OrchestrationClient Orchestration => _clients.Orchestration;
        internal ObjectStorage.ObjectStorageClient ObjectStorage => _clients.ObjectStorage;

        /// <summary>Authenticates now, so that Connect-OSCloud fails fast on bad credentials.</summary>
        public Task ConnectAsync(CancellationToken cancellationToken) => _tokens.RenewAsync(null, cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => _tokens.CloseAsync(cancellationToken);

        /// <summary>The endpoint URL for a service type: the clouds.yaml override if any, else the catalog's.</summary>
        public Task<string> GetEndpointAsync(string serviceType, CancellationToken cancellationToken) =>
            _endpoints.GetEndpointAsync(serviceType, cancellationToken);

        /// <summary>Whether an absolute URL lies under one of the endpoints the connection sends its token to (the
        /// catalog's, the clouds.yaml overrides, the identity URL): same scheme, host, port and path prefix.</summary>
        internal async Task<bool> IsUnderCatalogEndpointAsync(string url, CancellationToken cancellationToken) =>
            _endpoints.IsUnderTrustedEndpoint(await _tokens.GetAsync(cancellationToken).ConfigureAwait(false), url);

                /// <summary>Sends a request through the pipeline with the token, renewing it once after a 401.</summary>
        public async Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
        {
            try
            {
                return Narrated(request, await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false));
            }
            catch (PermissionDeniedException ex) when (ex.Roles.Count == 0)
            {
                throw Explained(ex, request);
            }
        }

        /// <summary>Sends a request whose body streams from <paramref name="body"/> (an upload), with the token; after a
        /// 401 it re-authenticates and sends again only when the body can be sent again (see <see cref="StreamBody.CanResend"/>).</summary>
        public async Task<ServiceResponse> SendStreamAsync(ServiceRequest request, StreamBody body, CancellationToken cancellationToken)
        {
            try
            {
                return Narrated(request, await _pipeline.SendStreamAsync(request, body, cancellationToken).ConfigureAwait(false));
            }
            catch (PermissionDeniedException ex) when (ex.Roles.Count == 0)
            {
                throw Explained(ex, request);
            }
        }

        /// <summary>A policy refusal names the role the call needs (when known) and the roles the user has: the service's
        /// own message names only the policy rule.</summary>
        private PermissionDeniedException Explained(PermissionDeniedException ex, ServiceRequest request)
        {
            var roles = Roles.Count > 0 ? Roles : new[] { "(none)" };
            var needs = request.RequiredRole != null ? $" This needs the '{request.RequiredRole}' role;" : "";
            var has = $" {(needs.Length > 0 ? "user" : "User")} '{UserName}' has the role{(roles.Count == 1 ? "" : "s")} {string.Join(", ", roles)} on project '{ProjectName}' of cloud '{Name}'.";
            return new PermissionDeniedException(ex.Message + needs + has)
            {
                Service = ex.Service, Method = ex.Method, Url = ex.Url, StatusCode = ex.StatusCode, RequestId = ex.RequestId,
                ServiceMessage = ex.ServiceMessage, RequiredRole = request.RequiredRole, Roles = roles,
            };
        }

        private ServiceResponse Narrated(ServiceRequest request, ServiceResponse response)
        {
            RequestTrace.Changed(Name, request, response);
            return response;
        }

        /// <summary>Sends a request and copies the response body to <paramref name="destination"/> as it arrives (a
        /// download), with the token, re-authenticating once after a 401 (which comes before any byte is written).</summary>
        public Task<ServiceResponse> ReceiveStreamAsync(ServiceRequest request, Stream destination, Action<long>? progress, CancellationToken cancellationToken) =>
            _pipeline.ReceiveStreamAsync(request, destination, progress, cancellationToken);

        public async Task<JsonElement> GetJsonAsync(string serviceType, string path, CancellationToken cancellationToken,
            string? microversion = null, IDictionary<string, string>? query = null)
        {
            var request = new ServiceRequest(HttpMethod.Get, serviceType, path) { Microversion = microversion };
            if (query != null)
                foreach (var q in query) request.Query[q.Key] = q.Value;
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Json();
        }

        /// <summary>Every item of a collection, following next links page after page (Nova/Cinder/Neutron
        /// "&lt;key&gt;_links", Glance "next"). With a limit, it is pushed down as limit= and the walk stops there.</summary>
        public async IAsyncEnumerable<JsonElement> ListAsync(string serviceType, string path, string collectionKey,
            IDictionary<string, string>? query, int? limit, string? microversion,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var request = new ServiceRequest(HttpMethod.Get, serviceType, path) { Microversion = microversion };
            if (query != null)
                foreach (var q in query) request.Query[q.Key] = q.Value;
            if (limit.HasValue)
                request.Query["limit"] = limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var returned = 0;
            var seenPages = new HashSet<string>();
            while (true)
            {
                var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
                var root = response.Json();
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(collectionKey, out var items) || items.ValueKind != JsonValueKind.Array)
                    throw new InvalidResponseException($"The response from {response.Url} has no '{collectionKey}' list.")
                    { StatusCode = response.StatusCode, RequestId = response.RequestId, Url = response.Url };
                var count = 0;
                foreach (var item in items.EnumerateArray())
                {
                    count++;
                    yield return item;
                    if (limit.HasValue && ++returned >= limit.Value)
                        yield break;
                }
                var next = Pagination.NextLink(root, collectionKey);
                if (next == null || count == 0 || !seenPages.Add(next))
                    yield break;
                request = new ServiceRequest(HttpMethod.Get, serviceType, next) { Microversion = microversion };
            }
        }

        /// <summary>The microversion range of a service, discovered once per connection from its version document.</summary>
        public Task<MicroversionRange?> GetMicroversionRangeAsync(string serviceType, CancellationToken cancellationToken) =>
            _endpoints.GetMicroversionRangeAsync(serviceType, cancellationToken);

        /// <summary>The highest microversion up to <paramref name="wanted"/> that the cloud offers; throws
        /// <see cref="MicroversionNotSupportedException"/> when even <paramref name="required"/> is not offered.</summary>
        public Task<string> NegotiateMicroversionAsync(string serviceType, string required, string wanted, string operation,
            CancellationToken cancellationToken) =>
            _endpoints.NegotiateMicroversionAsync(serviceType, required, wanted, operation, cancellationToken);

        internal static string BuildUrl(string endpoint, string path, IDictionary<string, string> query) =>
            RequestPipeline.BuildUrl(endpoint, path, query);

        internal static readonly string UserAgent = RequestPipeline.UserAgent;

        public override string ToString() => $"{Name} ({UserName}@{ProjectName}, {AuthUrl})";

        public void Dispose()
        {
            _transport.Dispose();
            _tokens.Dispose();
        }
    }
}
