using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Images;

namespace OpenStackOrchestrator.Client
{
    /// <summary>One authenticated session with a cloud: configuration, token (renewed before expiry and once
    /// after a 401), catalog, microversion ranges, and the HTTP pipeline shared by the service clients.</summary>
    public sealed class CloudConnection : IDisposable
    {
        private readonly CloudConfig _config;
        private readonly HttpTransport _transport;
        private readonly KeystoneAuthenticator _authenticator;
        private readonly SemaphoreSlim _authLock = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, MicroversionRange?> _microversions = new Dictionary<string, MicroversionRange?>();
        private Token? _token;
        private bool _closed;

        public CloudConnection(CloudConfig config, HttpSettings? settings = null)
        {
            _config = config.Clone();
            var http = settings?.Clone() ?? new HttpSettings();
            if (config.ApiTimeout.HasValue) http.Timeout = config.ApiTimeout.Value;
            http.VerifyCertificate = http.VerifyCertificate && config.VerifyCertificate;
            http.CACertificatePath ??= config.CACertificatePath;
            _transport = new HttpTransport(http);
            _authenticator = new KeystoneAuthenticator(_transport, _config);
            Id = Guid.NewGuid().ToString("N").Substring(0, 8);
            Compute = new ComputeClient(this);
            Image = new ImageClient(this);
            Network = new Networking.NetworkClient(this);
            BlockStorage = new BlockStorage.BlockStorageClient(this);
            Orchestration = new Orchestration.OrchestrationClient(this);
            ObjectStorage = new ObjectStorage.ObjectStorageClient(this);
        }

        // What PowerShell shows of a connection (Format-List, ConvertTo-Json, an object's Cloud property) is these
        // public properties: who is connected where. The token, the HTTP pipeline and the service clients are
        // internal (the module and the tests see them through InternalsVisibleTo).
        public string Id { get; }
        public string Name => _config.Name;
        public string AuthUrl => _authenticator.IdentityUrl;
        public string? Region => _config.RegionName;
        public bool IsConnected => _token != null && !_closed;
        public string? ProjectName => _token?.ProjectName ?? _config.ProjectName;
        public string? ProjectId => _token?.ProjectId ?? _config.ProjectId;
        public string? UserName => _token?.UserName ?? _config.Username;
        public string? UserId => _token?.UserId;
        public string? DomainName => _token?.ProjectDomainName ?? _token?.DomainName;
        public DateTimeOffset? TokenExpiresAt => _token?.ExpiresAt;

        internal string AuthType => _config.NormalizedAuthType;
        internal string Interface => _config.Interface;
        internal string Source => _config.Source;
        internal IReadOnlyList<string> Roles => _token?.Roles ?? Array.Empty<string>();
        internal IReadOnlyList<string> Services => _token?.Catalog.ServiceTypes ?? Array.Empty<string>();
        internal HttpSettings HttpSettings => _transport.Settings;
        /// <summary>How many tokens this connection obtained (1 after Connect; more after renewals).</summary>
        internal int AuthenticationCount { get; private set; }

        internal ComputeClient Compute { get; }
        internal ImageClient Image { get; }
        internal Networking.NetworkClient Network { get; }
        internal BlockStorage.BlockStorageClient BlockStorage { get; }
        internal Orchestration.OrchestrationClient Orchestration { get; }
        internal ObjectStorage.ObjectStorageClient ObjectStorage { get; }

        /// <summary>Authenticates now, so that Connect-OSCloud fails fast on bad credentials.</summary>
        public Task ConnectAsync(CancellationToken cancellationToken) => RenewTokenAsync(null, cancellationToken);

        public async Task DisconnectAsync(CancellationToken cancellationToken)
        {
            var token = _token;
            _closed = true;
            _token = null;
            if (token != null && _config.NormalizedAuthType != "token" && !token.ExpiresWithin(DateTimeOffset.UtcNow))
                await _authenticator.RevokeAsync(token, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The endpoint URL for a service type: the clouds.yaml override if any, else the catalog's.</summary>
        public async Task<string> GetEndpointAsync(string serviceType, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return ResolveEndpoint(token, serviceType);
        }

        private string ResolveEndpoint(Token token, string serviceType)
        {
            string url;
            var overridden = ServiceTypes.Candidates(serviceType).Select(t => _config.EndpointOverrides.TryGetValue(t, out var o) ? o : null).FirstOrDefault(o => o != null);
            if (overridden != null)
                url = overridden;
            else if (ServiceTypes.Canonical(serviceType) == ServiceTypes.Identity && token.Catalog.Endpoints.All(e => e.ServiceType != ServiceTypes.Identity))
                url = _authenticator.IdentityUrl;
            else
                url = token.Catalog.Find(serviceType, _config.RegionName, _config.Interface);
            return url.Replace("%(project_id)s", token.ProjectId).Replace("%(tenant_id)s", token.ProjectId)
                      .Replace("$(project_id)s", token.ProjectId).Replace("$(tenant_id)s", token.ProjectId).TrimEnd('/');
        }

        /// <summary>Sends a request through the pipeline with the token, renewing it once after a 401.</summary>
        public async Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SendWithTokenAsync(request, token, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException) when (_config.NormalizedAuthType != "token")
            {
                RequestTrace.Write("401 from the service: re-authenticating once and retrying.");
                var renewed = await RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
                return await SendWithTokenAsync(request, renewed, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<ServiceResponse> SendWithTokenAsync(ServiceRequest request, Token token, CancellationToken cancellationToken)
        {
            var url = BuildUrl(ResolveEndpoint(token, request.ServiceType), request.Path, request.Query);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Accept"] = "application/json",
                ["User-Agent"] = UserAgent,
            };
            foreach (var h in request.Headers)
                headers[h.Key] = h.Value;
            if (request.Microversion != null)
                Microversions.AddHeaders(headers, request.ServiceType, request.Microversion);
            headers["X-Auth-Token"] = token.Value;
            return await _transport.SendAsync(request.Method, url, headers, request.JsonBody, request.IsIdempotent,
                ServiceTypes.Canonical(request.ServiceType), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends a request whose body streams from <paramref name="body"/> (an upload), with the token; after a
        /// 401 it re-authenticates and sends again only when the body can be sent again (see <see cref="StreamBody.CanResend"/>).</summary>
        public async Task<ServiceResponse> SendStreamAsync(ServiceRequest request, StreamBody body, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SendStreamWithTokenAsync(request, body, token, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException) when (_config.NormalizedAuthType != "token" && body.CanResend)
            {
                RequestTrace.Write("401 from the service: re-authenticating once and sending the stream again.");
                var renewed = await RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
                return await SendStreamWithTokenAsync(request, body, renewed, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Sends a request and copies the response body to <paramref name="destination"/> as it arrives (a
        /// download), with the token, re-authenticating once after a 401 (which comes before any byte is written).</summary>
        public async Task<ServiceResponse> ReceiveStreamAsync(ServiceRequest request, Stream destination, Action<long>? progress, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ReceiveStreamWithTokenAsync(request, destination, progress, token, cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException) when (_config.NormalizedAuthType != "token")
            {
                RequestTrace.Write("401 from the service: re-authenticating once and retrying.");
                var renewed = await RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
                return await ReceiveStreamWithTokenAsync(request, destination, progress, renewed, cancellationToken).ConfigureAwait(false);
            }
        }

        private Task<ServiceResponse> SendStreamWithTokenAsync(ServiceRequest request, StreamBody body, Token token, CancellationToken cancellationToken) =>
            _transport.SendStreamAsync(request.Method, StreamUrl(request, token), StreamHeaders(request, token), body, request.IsIdempotent,
                ServiceTypes.Canonical(request.ServiceType), cancellationToken);

        private Task<ServiceResponse> ReceiveStreamWithTokenAsync(ServiceRequest request, Stream destination, Action<long>? progress, Token token,
            CancellationToken cancellationToken) =>
            _transport.ReceiveStreamAsync(request.Method, StreamUrl(request, token), StreamHeaders(request, token), destination, progress,
                ServiceTypes.Canonical(request.ServiceType), cancellationToken);

        private string StreamUrl(ServiceRequest request, Token token) =>
            BuildUrl(ResolveEndpoint(token, request.ServiceType), request.Path, request.Query);

        private static Dictionary<string, string> StreamHeaders(ServiceRequest request, Token token)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = UserAgent };
            foreach (var h in request.Headers)
                headers[h.Key] = h.Value;
            if (request.Microversion != null)
                Microversions.AddHeaders(headers, request.ServiceType, request.Microversion);
            headers["X-Auth-Token"] = token.Value;
            return headers;
        }

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
        public async Task<MicroversionRange?> GetMicroversionRangeAsync(string serviceType, CancellationToken cancellationToken)
        {
            var key = ServiceTypes.Canonical(serviceType);
            lock (_microversions)
                if (_microversions.TryGetValue(key, out var cached)) return cached;
            var endpoint = await GetEndpointAsync(serviceType, cancellationToken).ConfigureAwait(false);
            var root = await GetJsonAsync(serviceType, Pagination.VersionRoot(endpoint) + "/", cancellationToken).ConfigureAwait(false);
            var range = Microversions.Parse(root);
            lock (_microversions)
                _microversions[key] = range;
            return range;
        }

        /// <summary>The highest microversion up to <paramref name="wanted"/> that the cloud offers; throws
        /// <see cref="MicroversionNotSupportedException"/> when even <paramref name="required"/> is not offered.</summary>
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
                    $"{operation} needs {serviceType} API microversion {need} or later; cloud '{Name}' offers {range.Min} to {range.Max}.")
                { Service = serviceType };
            return (want <= range.Max ? want : range.Max).ToString();
        }

        private async Task<Token> GetTokenAsync(CancellationToken cancellationToken)
        {
            if (_closed)
                throw new NotConnectedException($"The connection to cloud '{Name}' was closed by Disconnect-OSCloud; run Connect-OSCloud again.");
            var token = _token;
            if (token != null && !token.ExpiresWithin(DateTimeOffset.UtcNow))
                return token;
            return await RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Gets a new token unless another caller already replaced <paramref name="stale"/>.</summary>
        private async Task<Token> RenewTokenAsync(Token? stale, CancellationToken cancellationToken)
        {
            await _authLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (current != null && current != stale && !current.ExpiresWithin(DateTimeOffset.UtcNow))
                    return current;
                var token = await _authenticator.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
                if (token.ProjectId == null && token.DomainName == null && token.Catalog.Endpoints.Count == 0)
                    RequestTrace.Write("The token is unscoped: it has no catalog. Give a project (project_name or -ProjectName).");
                AuthenticationCount++;
                _token = token;
                _closed = false;
                return token;
            }
            finally
            {
                _authLock.Release();
            }
        }

        internal static string BuildUrl(string endpoint, string path, IDictionary<string, string> query)
        {
            string url;
            if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                url = path;
            else if (path.Length == 0)
                url = endpoint;
            else
                url = endpoint + (path[0] == '/' ? path : "/" + path);
            if (query.Count == 0)
                return url;
            var separator = url.Contains("?") ? '&' : '?';
            return url + separator + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        internal static readonly string UserAgent = "OpenStackOrchestrator/" +
            (typeof(CloudConnection).Assembly.GetName().Version?.ToString(3) ?? "0");

        public override string ToString() => $"{Name} ({UserName}@{ProjectName}, {AuthUrl})";

        public void Dispose()
        {
            _transport.Dispose();
            _authLock.Dispose();
        }
    }
}
