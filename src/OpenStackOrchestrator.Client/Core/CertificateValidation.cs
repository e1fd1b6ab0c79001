using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>How a connection checks server certificates: the system's trust (no callback), a CA the user named
    /// (clouds.yaml cacert, -CACertificatePath), no check (insecure, -SkipCertificateCheck), or accept-and-report
    /// (<see cref="HttpSettings.InvalidCertificateAccepted"/>).</summary>
    internal static class CertificateValidation
    {
        public static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? Callback(HttpSettings settings)
        {
            if (!settings.VerifyCertificate)
                return (_, __, ___, ____) => true;
            Func<X509Certificate2?, SslPolicyErrors, bool>? check = null;
            if (!string.IsNullOrEmpty(settings.CACertificatePath))
            {
                var authority = CertificateFile.Load(settings.CACertificatePath!, settings.CACertificateOrigin);
                check = (certificate, errors) => ChainsTo(certificate, authority, errors);
            }
            var report = settings.InvalidCertificateAccepted;
            if (report == null)
                return check == null ? null : (_, certificate, __, errors) => check(certificate, errors);
            var reported = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            return (request, certificate, _, errors) =>
            {
                if (check != null ? check(certificate, errors) : errors == SslPolicyErrors.None)
                    return true;
                var host = request.RequestUri?.Authority ?? "(unknown host)";
                if (reported.TryAdd(host, true))
                    report(host, errors == SslPolicyErrors.None ? "it does not chain to the given CA" : errors.ToString());
                return true;
            };
        }

        public static bool ChainsTo(X509Certificate2? certificate, X509Certificate2 authority, SslPolicyErrors errors)
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
}
