using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Connection
{
    /// <summary>A <see cref="ServiceRequest"/> on its way to the transport: the endpoint URL, the headers with the
    /// token, and one re-authentication and resend after a 401.</summary>
    internal sealed class RequestPipeline
    {
        private readonly HttpTransport _transport;
        private readonly TokenSession _tokens;
        private readonly EndpointCatalog _endpoints;

        public RequestPipeline(HttpTransport transport, TokenSession tokens, EndpointCatalog endpoints)
        {
            _transport = transport;
            _tokens = tokens;
            _endpoints = endpoints;
        }

        public static readonly string UserAgent = "OpenStackOrchestrator/" +
            (typeof(RequestPipeline).Assembly.GetName().Version?.ToString(3) ?? "0");

        public Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken) =>
            SendWithReauthAsync(token => _transport.SendAsync(request.Method, Url(request, token), Headers(request, token, accept: "application/json"),
                    request.JsonBody, request.IsIdempotent, ServiceTypes.Canonical(request.ServiceType), cancellationToken),
                canResend: Always, "retrying", cancellationToken);

        /// <summary>An upload: after a 401 it is sent again only while <see cref="StreamBody.CanResend"/>.</summary>
        public Task<ServiceResponse> SendStreamAsync(ServiceRequest request, StreamBody body, CancellationToken cancellationToken) =>
            SendWithReauthAsync(token => _transport.SendStreamAsync(request.Method, Url(request, token), Headers(request, token, accept: null),
                    body, request.IsIdempotent, ServiceTypes.Canonical(request.ServiceType), cancellationToken),
                canResend: () => body.CanResend, "sending the stream again", cancellationToken);

        /// <summary>A download: a 401 comes before any byte is written, so it can always be asked for again.</summary>
        public Task<ServiceResponse> ReceiveStreamAsync(ServiceRequest request, Stream destination, Action<long>? progress, CancellationToken cancellationToken) =>
            SendWithReauthAsync(token => _transport.ReceiveStreamAsync(request.Method, Url(request, token), Headers(request, token, accept: null),
                    destination, progress, ServiceTypes.Canonical(request.ServiceType), cancellationToken),
                canResend: Always, "retrying", cancellationToken);

        /// <summary>Runs <paramref name="send"/> with the current token; after a 401 (<see cref="AuthenticationFailedException"/>)
        /// it gets a new token and runs it once more, provided the token can be renewed and <paramref name="canResend"/>,
        /// asked after the first attempt, says the request can go out again. A second 401 is thrown.</summary>
        /// <param name="again">How the trace names the second attempt.</param>
        public async Task<T> SendWithReauthAsync<T>(Func<Token, Task<T>> send, Func<bool> canResend, string again, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await send(token).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException) when (_tokens.CanRenew && canResend())
            {
                RequestTrace.Write($"401 from the service: re-authenticating once and {again}.");
                var renewed = await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                return await send(renewed).ConfigureAwait(false);
            }
        }

        private static readonly Func<bool> Always = () => true;

        /// <summary>The URL of one attempt. The token goes only to a scheme, host and port the catalog names: an absolute
        /// path (a pagination link from the service, a URL a user gave) pointing elsewhere is refused before sending.</summary>
        private string Url(ServiceRequest request, Token token)
        {
            var url = BuildUrl(_endpoints.Resolve(token, request.ServiceType), request.Path, request.Query);
            if (!_endpoints.IsTrustedOrigin(token, url))
                throw new UrlOutsideCatalogException(url, ServiceTypes.Canonical(request.ServiceType), request.Method.Method);
            return url;
        }

        /// <summary>The headers of one attempt. The request's own headers may replace Accept and User-Agent, but the
        /// token and the microversion always win.</summary>
        private static Dictionary<string, string> Headers(ServiceRequest request, Token token, string? accept)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (accept != null)
                headers["Accept"] = accept;
            headers["User-Agent"] = UserAgent;
            foreach (var h in request.Headers)
                headers[h.Key] = h.Value;
            if (request.Microversion != null)
                Microversions.AddHeaders(headers, request.ServiceType, request.Microversion);
            headers["X-Auth-Token"] = token.Value;
            return headers;
        }

        /// <summary><paramref name="path"/> under <paramref name="endpoint"/> (or as is when it is an absolute URL, as
        /// pagination links are), with <paramref name="query"/> appended.</summary>
        public static string BuildUrl(string endpoint, string path, IDictionary<string, string> query)
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
    }
}
