using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Follows a redirect only when it stays on the request's scheme, host and port, and only for GET and HEAD.
    /// HttpClient's own redirects keep custom headers such as X-Auth-Token, so a service (or anything answering in its
    /// place) could send the token anywhere; any other 3xx is returned as is and reported as an error.
    /// Heat relies on the followed kind: GET /stacks/{name} answers 302 to /stacks/{name}/{id}.</summary>
    internal sealed class SameOriginRedirectHandler : DelegatingHandler
    {
        public const int MaxRedirects = 5;

        public SameOriginRedirectHandler(HttpMessageHandler inner) : base(inner) { }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            for (var hop = 0; hop < MaxRedirects; hop++)
            {
                var target = FollowableTarget(request, response);
                if (target == null)
                    break;
                if (RequestTrace.Enabled)
                    RequestTrace.Write($"REDIRECT: [{(int)response.StatusCode}] to {target}");
                response.Dispose();
                request = Copy(request, target);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            return response;
        }

        /// <summary>Where the redirect goes, when it is one this handler follows; null otherwise.</summary>
        internal static Uri? FollowableTarget(HttpRequestMessage request, HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            if (status < 300 || status > 308 || status == 304 || status == 305 || status == 306)
                return null;
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
                return null;
            var location = response.Headers.Location;
            if (location == null || request.RequestUri == null)
                return null;
            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri, location);
            return UrlScope.SameOrigin(target, request.RequestUri) ? target : null;
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request, Uri target)
        {
            var copy = new HttpRequestMessage(request.Method, target) { Version = request.Version };
            foreach (var header in request.Headers)
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return copy;
        }
    }
}
