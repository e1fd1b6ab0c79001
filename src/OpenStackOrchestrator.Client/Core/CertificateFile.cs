using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Client.Core
{
    /// <summary>Reads a CA certificate file (clouds.yaml cacert, -CACertificatePath), saying which file and what is
    /// wrong with it instead of OpenSSL's "BIO routines::no such file" or "ASN1 corrupted data".</summary>
    public static class CertificateFile
    {
        /// <param name="origin">Where the path came from, as the message starts: "-CACertificatePath",
        /// "Cloud 'x' in clouds.yaml: cacert".</param>
        public static X509Certificate2 Load(string path, string? origin)
        {
            var where = origin ?? "CA certificate";
            if (Directory.Exists(path))
                throw new InvalidCACertificateException(where, path, "is a folder, not a certificate file");
            if (!File.Exists(path))
                throw new InvalidCACertificateException(where, path, "file not found");
            try
            {
                return new X509Certificate2(path);
            }
            catch (CryptographicException ex)
            {
                throw new InvalidCACertificateException(where, path, "not a PEM or DER certificate", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new InvalidCACertificateException(where, path, "cannot be read: " + ex.Message, ex);
            }
        }
    }
}

namespace OpenStackOrchestrator.Client.Errors
{
    /// <summary>The CA certificate file given cannot be used: missing, a folder, unreadable or not a certificate.</summary>
    public sealed class InvalidCACertificateException : OpenStackException
    {
        public InvalidCACertificateException(string origin, string path, string problem, Exception? inner = null)
            : base($"{origin}: '{path}': {problem}.", inner)
        {
            Origin = origin;
            Path = path;
            Problem = problem;
        }

        public string Origin { get; }
        public string Path { get; }
        public string Problem { get; }
        public override string ErrorId => "InvalidCACertificate";
    }
}
