using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Identity
{
    /// <summary>Keystone v3 authentication: password, application credential and token methods with
    /// project or domain scope.</summary>
    public sealed class KeystoneAuthenticator
    {
        private readonly HttpTransport _transport;
        private readonly CloudConfig _config;

        public KeystoneAuthenticator(HttpTransport transport, CloudConfig config)
        {
            _transport = transport;
            _config = config;
            IdentityUrl = NormalizeAuthUrl(config.AuthUrl);
        }

        /// <summary>The Keystone v3 root, e.g. http://127.0.0.1:5000/v3.</summary>
        public string IdentityUrl { get; }

        public async Task<Token> AuthenticateAsync(CancellationToken cancellationToken)
        {
            var body = AuthRequestBody.Build(_config);
            var headers = new Dictionary<string, string> { ["Accept"] = "application/json" };
            ServiceResponse response;
            try
            {
                response = await _transport.SendAsync(HttpMethod.Post, IdentityUrl + "/auth/tokens", headers, body,
                    idempotent: false, service: "identity", cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException ex)
            {
                throw new AuthenticationFailedException(
                    $"Keystone at {IdentityUrl} rejected the credentials of {Who()}: {ex.ServiceMessage ?? "HTTP 401"}" +
                    (ex.RequestId != null ? $" (request id {ex.RequestId})" : ""))
                { Service = "identity", StatusCode = 401, RequestId = ex.RequestId, ServiceMessage = ex.ServiceMessage, Url = ex.Url, Method = "POST" };
            }
            catch (ResourceNotFoundException ex)
            {
                throw NotKeystone(ex, "HTTP 404");
            }
            catch (BadRequestException ex) when (ex.ServiceMessage == null)
            {
                throw NotKeystone(ex, "HTTP 400");
            }

            var value = response.Header("X-Subject-Token");
            JsonElement root;
            try
            {
                root = response.Json();
            }
            catch (InvalidResponseException ex)
            {
                throw NotKeystone(ex, "the answer is not JSON");
            }
            if (string.IsNullOrEmpty(value) || root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("token", out var token))
                throw NotKeystone(null, "the answer has no token");
            return ParseToken(value!, token);
        }

        /// <summary>Revokes a token (Disconnect-OSCloud). A token that is already invalid is not an error.</summary>
        public async Task RevokeAsync(Token token, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>
            {
                ["Accept"] = "application/json",
                ["X-Auth-Token"] = token.Value,
                ["X-Subject-Token"] = token.Value,
            };
            try
            {
                await _transport.SendAsync(HttpMethod.Delete, IdentityUrl + "/auth/tokens", headers, null, true, "identity", cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException) { }
            catch (AuthenticationFailedException) { }
        }

        internal static Token ParseToken(string value, JsonElement token)
        {
            var expires = ParseTime(token, "expires_at") ?? DateTimeOffset.UtcNow.AddHours(1);
            var issued = ParseTime(token, "issued_at") ?? DateTimeOffset.UtcNow;
            var catalog = token.TryGetProperty("catalog", out var c) ? ServiceCatalog.Parse(c) : new ServiceCatalog(Array.Empty<CatalogEndpoint>());
            var result = new Token(value, expires, issued, catalog);
            if (token.TryGetProperty("user", out var user))
            {
                result.UserId = Str(user, "id");
                result.UserName = Str(user, "name");
                if (user.TryGetProperty("domain", out var ud)) result.UserDomainName = Str(ud, "name");
            }
            if (token.TryGetProperty("project", out var project))
            {
                result.ProjectId = Str(project, "id");
                result.ProjectName = Str(project, "name");
                if (project.TryGetProperty("domain", out var pd)) result.ProjectDomainName = Str(pd, "name");
            }
            if (token.TryGetProperty("domain", out var domain))
                result.DomainName = Str(domain, "name");
            if (token.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
                result.Roles = roles.EnumerateArray().Select(r => Str(r, "name")).Where(n => n != null).Select(n => n!).ToList();
            return result;
        }

        public static string NormalizeAuthUrl(string authUrl)
        {
            if (string.IsNullOrWhiteSpace(authUrl))
                throw new CloudConfigurationException("No auth URL was given (auth_url in clouds.yaml, OS_AUTH_URL or -AuthUrl).");
            if (!Uri.TryCreate(authUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new CloudConfigurationException($"The auth URL '{authUrl}' is not an http or https URL.");
            // user:password@ would be sent to no one and echoed in every error; ?query and #fragment would swallow
            // the /auth/tokens appended to it; a control character (CR LF) is no part of a URL.
            if (uri.UserInfo.Length > 0)
                throw new CloudConfigurationException($"The auth URL '{uri.Scheme}://***@{uri.Authority}{uri.AbsolutePath}' has credentials in it: give them as the user and password, not in the URL.");
            if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || authUrl.Contains("#") || authUrl.Trim().Any(char.IsControl))
                throw new CloudConfigurationException($"The auth URL '{authUrl.Trim()}' has a query, a fragment or a control character: give the URL of Keystone only (e.g. https://keystone.example.com:5000/v3).");
            var url = authUrl.Trim().TrimEnd('/');
            if (url.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase))
                throw new CloudConfigurationException($"The auth URL '{authUrl}' is Keystone v2.0; only Keystone v3 is supported.");
            return url.EndsWith("/v3", StringComparison.OrdinalIgnoreCase) ? url : url + "/v3";
        }

        private OpenStackException NotKeystone(OpenStackException? inner, string why) =>
            new ServiceUnreachableException($"The auth URL {IdentityUrl} did not answer as Keystone v3 ({why}). Check auth_url.", inner)
            { Service = "identity", Url = IdentityUrl + "/auth/tokens", Method = "POST", StatusCode = inner?.StatusCode, RequestId = inner?.RequestId };

        private string Who()
        {
            if (_config.NormalizedAuthType == "v3applicationcredential")
                return $"application credential {_config.ApplicationCredentialId ?? _config.ApplicationCredentialName}";
            if (_config.NormalizedAuthType == "token")
                return "the given token";
            var project = _config.ProjectName ?? _config.ProjectId;
            return $"user '{_config.Username ?? _config.UserId}'" + (project != null ? $" for project '{project}'" : "");
        }

        private static string? Str(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static DateTimeOffset? ParseTime(JsonElement e, string name) =>
            Str(e, name) is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
    }
}
