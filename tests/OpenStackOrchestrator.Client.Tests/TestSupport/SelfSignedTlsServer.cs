using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>An HTTPS server on 127.0.0.1 with a self-signed certificate (not trusted, issued for another name)
    /// that answers every request 200 {}.</summary>
    internal sealed class SelfSignedTlsServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;

        public SelfSignedTlsServer()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=not-this-host.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public string Authority => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        public string Url => $"https://{Authority}/v2.1/servers/detail";

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(_certificate).ConfigureAwait(false);
                    var buffer = new byte[8192];
                    while (true)
                    {
                        var read = await tls.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                        if (read == 0) return;
                        if (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n")) continue;
                        var answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                        await tls.WriteAsync(answer, 0, answer.Length).ConfigureAwait(false);
                    }
                }
                catch (Exception)
                {
                    // the client refused the certificate or went away
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _certificate.Dispose();
        }
    }
}
