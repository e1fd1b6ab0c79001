using System;
using System.Globalization;
using System.Net.Sockets;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Which failures are worth another attempt. A POST is retried only when the server cannot have acted
    /// on it (429, 503, a refused connection): a reset after a create could otherwise create the resource twice.</summary>
    internal static class RetryDecision
    {
        public static bool ShouldRetry(HttpTransport.Attempt attempt, bool idempotent)
        {
            if (attempt.Failure != null)
            {
                if (attempt.Failure is TimeoutException)
                    return false;
                return idempotent || IsConnectionRefused(attempt.Failure);
            }
            switch (attempt.StatusCode)
            {
                case 429:
                case 503:
                    return true;
                case 502:
                case 504:
                    return idempotent;
                default:
                    return false;
            }
        }

        /// <summary>The wait a 429 or 503 asks for in its Retry-After header (seconds or an HTTP date), as asked: it is
        /// waited exactly, with no jitter, because retrying earlier would only be refused again.</summary>
        public static TimeSpan? RetryAfter(HttpTransport.Attempt? attempt)
        {
            if (attempt == null || !attempt.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
                return null;
            TimeSpan delay;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                delay = TimeSpan.FromSeconds(Math.Max(0, seconds));
            else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                delay = when - DateTimeOffset.UtcNow;
            else
                return null;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        private static bool IsConnectionRefused(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                    return true;
            }
            return false;
        }
    }
}
