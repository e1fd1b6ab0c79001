using System.Collections.Generic;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>Turns a non-2xx response into the exception type that names its meaning.</summary>
    public static class OpenStackErrorFactory
    {
        public static OpenStackException FromResponse(string service, string method, string url, int status,
            IReadOnlyDictionary<string, string> headers, string body)
        {
            var serviceMessage = ErrorBodyParser.Extract(body);
            var requestId = RequestIdOf(headers);
            var message = $"{service} {method} {StripQuery(url)} failed: HTTP {status}" +
                          (serviceMessage != null ? $": {serviceMessage}" : "") +
                          (requestId != null ? $" (request id {requestId})" : "");
            OpenStackException ex;
            switch (status)
            {
                case 400: ex = new BadRequestException(message); break;
                case 401: ex = new AuthenticationFailedException(message); break;
                case 403:
                    ex = IsQuotaExceeded(serviceMessage) ? (OpenStackException)new OverLimitException(message) : new PermissionDeniedException(message);
                    break;
                case 404: ex = new ResourceNotFoundException(message); break;
                case 409:
                    ex = IsQuotaExceeded(serviceMessage) ? new OverLimitException(message)
                        : ServerLockedException.Matches(service, serviceMessage) ? new ServerLockedException(message)
                        : (OpenStackException)new ConflictException(message);
                    break;
                case 413:
                case 429: ex = new OverLimitException(message); break;
                case int redirect when redirect >= 300 && redirect < 400:
                    headers.TryGetValue("Location", out var location);
                    ex = new RedirectNotFollowedException(message + (location != null
                        ? $"; a redirect to {Core.UrlScope.WithoutUserInfo(location)} that was not followed: only a GET or HEAD staying on the same scheme, host and port is (the token would go with it)"
                        : "; a redirect without a Location"), location);
                    break;
                // What is left of 502/503/504 once the retries are used up: the service is not available.
                case 502:
                case 503:
                case 504: ex = new ServiceUnavailableException(message); break;
                default:
                    ex = status >= 500 ? new ServiceErrorException(message)
                        : status >= 400 ? (OpenStackException)new RequestRejectedException(message)
                        : new InvalidResponseException(message);
                    break;
            }
            ex.Service = service;
            ex.Method = method;
            ex.Url = url;
            ex.StatusCode = status;
            ex.RequestId = requestId;
            ex.ServiceMessage = serviceMessage;
            return ex;
        }

        // Nova (403) and Neutron (409) say "Quota exceeded ..."; a policy refusal may mention quotas too.
        private static bool IsQuotaExceeded(string? serviceMessage) =>
            serviceMessage != null && serviceMessage.IndexOf("quota exceeded", System.StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? RequestIdOf(IReadOnlyDictionary<string, string> headers)
        {
            foreach (var name in new[] { "x-openstack-request-id", "x-compute-request-id", "x-trans-id", "openstack-request-id" })
                if (headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
                    return value;
            return null;
        }

        private static string StripQuery(string url)
        {
            var q = url.IndexOf('?');
            return q < 0 ? url : url.Substring(0, q);
        }
    }
}
