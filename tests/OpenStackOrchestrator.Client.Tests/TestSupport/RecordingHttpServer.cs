using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>A real HTTP/1.1 socket (what Flurl's HttpTest cannot show: redirects, the request line as sent) that answers every request with what
    /// <c>answer</c> returns for its path, and records the path and the X-Auth-Token of each.</summary>
    internal sealed class RecordingHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<string, (string Status, string Headers, string Body)> _answer;

        public RecordingHttpServer(Func<string, (string Status, string Headers, string Body)> answer)
        {
            _answer = answer;
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public string BaseUrl => $"http://127.0.0.1:{Port}";
        private readonly List<(string Path, string? Token)> _requests = new List<(string, string?)>();
        public IReadOnlyList<(string Path, string? Token)> Requests { get { lock (_requests) return _requests.ToList(); } }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    using var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                    var requestLine = await reader.ReadLineAsync() ?? "";
                    string? token = null;
                    string? line;
                    while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                        if (line.StartsWith("X-Auth-Token:", StringComparison.OrdinalIgnoreCase))
                            token = line.Substring("X-Auth-Token:".Length).Trim();
                    var path = requestLine.Split(' ').ElementAtOrDefault(1) ?? "";  // the request target exactly as sent
                    lock (_requests)
                        _requests.Add((path, token));
                    var (status, headers, body) = _answer(path);
                    var bytes = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
                    await stream.WriteAsync(bytes, 0, bytes.Length);
                }
            }
            catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is IOException || e is InvalidOperationException)
            {
                // stopped
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
