using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>How a connection checks server certificates: the system's trust, a CA the user named
    /// (clouds.yaml cacert, -CACertificatePath), no check (insecure, -SkipCertificateCheck), or accept-and-report
    /// (<see cref="HttpSettings.InvalidCertificateAccepted"/>). A refused certificate's reason is kept in
    /// <see cref="CertificateFailures"/> (the TLS error itself only says "the remote certificate is invalid").</summary>
    internal static class CertificateValidation
    {
        public static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? Callback(HttpSettings settings,
            CertificateFailures? failures = null)
        {
            if (!settings.VerifyCertificate)
                return (_, __, ___, ____) => true;
            Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> check = (_, __, errors) => errors == SslPolicyErrors.None;
            X509Certificate2? authority = null;
            if (!string.IsNullOrEmpty(settings.CACertificatePath))
            {
                var ca = CertificateFile.Load(settings.CACertificatePath!, settings.CACertificateOrigin);
                authority = ca;
                check = (certificate, chain, errors) => ChainsTo(certificate, ca, errors, Sent(chain));
            }
            var report = settings.InvalidCertificateAccepted;
            if (report == null)
                return (request, certificate, chain, errors) =>
                {
                    if (check(certificate, chain, errors))
                        return true;
                    failures?.Record(request.RequestUri, Explain(request.RequestUri?.Host, certificate, chain, errors, authority));
                    return false;
                };
            var reported = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            return (request, certificate, chain, errors) =>
            {
                if (check(certificate, chain, errors))
                    return true;
                var host = request.RequestUri?.Authority ?? "(unknown host)";
                if (reported.TryAdd(host, true))
                    report(host, errors == SslPolicyErrors.None ? "it does not chain to the given CA" : errors.ToString());
                return true;
            };
        }

        /// <summary>Why a certificate was refused, in the openstack CLI's terms: host name mismatch, expired, not yet
        /// valid, self-signed, signed by an untrusted CA, incomplete chain, revoked.</summary>
        public static string Explain(string? host, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2? authority)
        {
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
                return "the server sent no certificate";
            var reasons = new List<string>();
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                var names = DnsNames(certificate);
                reasons.Add($"host name mismatch: the certificate is for {(names.Count > 0 ? string.Join(", ", names.Select(n => "'" + n + "'")) : "'" + certificate.Subject + "'")}, not '{host}'");
            }
            using var own = authority != null ? ChainWith(certificate, authority, Sent(chain)) : null;
            if (own != null)
                chain = own;
            var flags = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
            // With the user's CA, a chain that ends at it is trusted: "untrusted root" is then not the reason.
            if (own != null && Root(own) == authority!.Subject)
                flags &= ~X509ChainStatusFlags.UntrustedRoot;
            var now = DateTime.Now;
            if ((flags & X509ChainStatusFlags.NotTimeValid) != 0 || certificate.NotAfter < now || certificate.NotBefore > now)
            {
                if (certificate.NotAfter < now)
                    reasons.Add($"the certificate expired on {certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
                else if (certificate.NotBefore > now)
                    reasons.Add($"the certificate is not yet valid (valid from {certificate.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)})");
                else
                    reasons.Add("a certificate of its chain is expired or not yet valid");
            }
            if ((flags & X509ChainStatusFlags.Revoked) != 0)
                reasons.Add("the certificate was revoked");
            if ((flags & X509ChainStatusFlags.PartialChain) != 0)
                reasons.Add($"partial chain: the issuer '{certificate.Issuer}' is neither sent by the server nor trusted here (the server must send its intermediate certificates)");
            else if ((flags & X509ChainStatusFlags.UntrustedRoot) != 0)
                reasons.Add(certificate.Subject == certificate.Issuer && (chain == null || chain.ChainElements.Count <= 1)
                    ? $"the certificate is self-signed ('{certificate.Subject}') and not trusted"
                    : $"untrusted root: the chain ends at '{Root(chain) ?? certificate.Issuer}', which is not a trusted CA");
            var known = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.Revoked | X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot |
                        X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;
            foreach (var status in chain?.ChainStatus ?? Array.Empty<X509ChainStatus>())
                if ((status.Status & ~known & flags) != 0 && !string.IsNullOrWhiteSpace(status.StatusInformation))
                    reasons.Add(status.StatusInformation.Trim().TrimEnd('.'));
            if (reasons.Count == 0 && authority != null)
                reasons.Add($"it does not chain to the CA '{authority.Subject}' given as the CA certificate");
            if (reasons.Count == 0)
                reasons.Add(errors.ToString());
            return string.Join("; ", reasons.Distinct());
        }

        private static X509Chain ChainWith(X509Certificate2 certificate, X509Certificate2 authority, IEnumerable<X509Certificate2>? sent)
        {
            var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.ExtraStore.Add(authority);
            foreach (var intermediate in sent ?? Enumerable.Empty<X509Certificate2>())
                chain.ChainPolicy.ExtraStore.Add(intermediate);
            chain.Build(certificate);
            return chain;
        }

        /// <summary>The certificates the server sent besides its own (its intermediates), as the TLS layer gives them.</summary>
        private static List<X509Certificate2> Sent(X509Chain? chain)
        {
            var sent = new List<X509Certificate2>();
            if (chain == null)
                return sent;
            foreach (var certificate in chain.ChainPolicy.ExtraStore)
                sent.Add(certificate);
            foreach (var element in chain.ChainElements)
                if (!sent.Any(c => c.Thumbprint == element.Certificate.Thumbprint))
                    sent.Add(element.Certificate);
            return sent;
        }

        private static string? Root(X509Chain? chain) =>
            chain != null && chain.ChainElements.Count > 0 ? chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Subject : null;

        private static List<string> DnsNames(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (var extension in certificate.Extensions)
            {
                if (extension.Oid?.Value != "2.5.29.17")
                    continue;
                // "DNS Name=a, DNS Name=b" (Windows) or "DNS:a, DNS:b, IP Address:127.0.0.1" (OpenSSL).
                foreach (var part in extension.Format(false).Split(new[] { ',', '\n' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var item = part.Trim();
                    var separator = item.IndexOfAny(new[] { '=', ':' });
                    if (separator > 0)
                        names.Add(item.Substring(separator + 1).Trim());
                }
            }
            if (names.Count == 0)
            {
                var cn = certificate.GetNameInfo(X509NameType.DnsName, false);
                if (!string.IsNullOrEmpty(cn))
                    names.Add(cn);
            }
            return names;
        }

        /// <param name="sent">The intermediates the server sent: a leaf under an intermediate of the CA chains through them.</param>
        public static bool ChainsTo(X509Certificate2? certificate, X509Certificate2 authority, SslPolicyErrors errors, IEnumerable<X509Certificate2>? sent = null)
        {
            if (errors == SslPolicyErrors.None)
                return true;
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                return false;
            using (var chain = new X509Chain())
            {
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                chain.ChainPolicy.ExtraStore.Add(authority);
                foreach (var intermediate in sent ?? Enumerable.Empty<X509Certificate2>())
                    if (intermediate.Thumbprint != certificate.Thumbprint)
                        chain.ChainPolicy.ExtraStore.Add(intermediate);
                if (!chain.Build(certificate))
                    return false;
                foreach (var element in chain.ChainElements)
                {
                    if (element.Certificate.Thumbprint == authority.Thumbprint)
                        return true;
                }
                return false;
            }
        }
    }

    /// <summary>The last certificate refusal per host and port, for the error of the request that failed on it.</summary>
    internal sealed class CertificateFailures
    {
        private readonly ConcurrentDictionary<string, string> _byAuthority = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public void Record(Uri? uri, string why)
        {
            if (uri != null)
                _byAuthority[uri.Authority] = why;
        }

        public string? Explain(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && _byAuthority.TryGetValue(uri.Authority, out var why) ? why : null;
    }
}
