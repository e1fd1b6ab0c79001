using System;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Timeouts and retry bounds for every request a connection sends.</summary>
    public sealed class HttpSettings
    {
        /// <summary>How long one attempt may take, connection included.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Retries after the first attempt for transient failures (503, 429, refused connections...): 8, so
        /// that a service answering 503 to 30 % of requests still fails one request in 50,000 (0.3^9).</summary>
        public int MaxRetries { get; set; } = 8;
        /// <summary>The backoff's scale: the first wait is up to 1.4 times this (decorrelated jitter), the waits
        /// before the n-th retry add up to about this times 2^n. Short, because most 503s are brief: 8 retries
        /// wait about 5 to 9 s in all.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);
        /// <summary>Upper bound for one backoff wait (a server's Retry-After is bounded by <see cref="RetryBudget"/>).</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>How long one call keeps retrying, from its first attempt: no retry starts later than this, and a
        /// Retry-After that would end later is not waited for (the error comes at once).</summary>
        public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);
        public bool VerifyCertificate { get; set; } = true;
        public string? CACertificatePath { get; set; }
        /// <summary>Where <see cref="CACertificatePath"/> came from, for its errors ("-CACertificatePath", "Cloud 'x' in ...: cacert").</summary>
        public string? CACertificateOrigin { get; set; }
        /// <summary>When set (and certificates are verified), a server certificate that does not validate is accepted
        /// and this is called once per host of the connection with the host and why the certificate failed.</summary>
        public Action<string, string>? InvalidCertificateAccepted { get; set; }

        public HttpSettings Clone() => (HttpSettings)MemberwiseClone();
    }
}
