using System.IO;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Errors;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    /// <summary>A bad CA certificate file is named with what is wrong with it, not as an OpenSSL "BIO routines" error.</summary>
    public class CertificateFileTests
    {
        [Fact]
        public void A_missing_file_is_named_as_not_found()
        {
            var path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".pem");

            var ex = Assert.Throws<InvalidCACertificateException>(() => CertificateFile.Load(path, "-CACertificatePath"));

            Assert.Equal($"-CACertificatePath: '{path}': file not found.", ex.Message);
            Assert.Equal(path, ex.Path);
        }

        [Fact]
        public void A_file_that_is_no_certificate_is_named_as_such()
        {
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "-----BEGIN NOTHING-----\nnot base64\n");

                var ex = Assert.Throws<InvalidCACertificateException>(() => CertificateFile.Load(path, "Cloud 'x' in clouds.yaml: cacert"));

                Assert.StartsWith($"Cloud 'x' in clouds.yaml: cacert: '{path}': not a PEM or DER certificate", ex.Message);
                Assert.Equal("InvalidCACertificate", ex.ErrorId);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_folder_is_no_certificate_file()
        {
            var ex = Assert.Throws<InvalidCACertificateException>(() => CertificateFile.Load(Path.GetTempPath(), null));

            Assert.Contains("is a folder", ex.Message);
        }
    }
}
