using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Accepts a server certificate that chains to a CA the user named (clouds.yaml cacert, -CACertificatePath).</summary>
    internal static class CertificateValidation
    {
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
