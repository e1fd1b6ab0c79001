using System;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Timeouts and retry bounds for every request a connection sends.</summary>
    public sealed class HttpSettings
    {
        /// <summary>How long one attempt may take, connection included.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Retries after the first attempt for transient failures (503, 429, refused connections...).</summary>
        public int MaxRetries { get; set; } = 3;
        /// <summary>First backoff delay; doubled per retry, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
        /// <summary>Upper bound for any single wait, including a server's Retry-After.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
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
