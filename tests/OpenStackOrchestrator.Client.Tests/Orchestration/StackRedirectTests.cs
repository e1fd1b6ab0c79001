using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Tests.TestSupport;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>Heat answers GET /stacks/{name} with a 302 to /stacks/{name}/{id}. HttpClient drops the Authorization
    /// header on a redirect; X-Auth-Token is a custom header and must reach the second request (a real socket, since
    /// Flurl's HttpTest never redirects).</summary>
    public class StackRedirectTests
    {
        [Fact]
        public async Task A_redirect_from_Heat_is_followed_with_the_token()
        {
            using var heat = new RedirectingHeat();
            using var transport = new HttpTransport(FakeCloud.FastSettings());
            var headers = new Dictionary<string, string> { ["X-Auth-Token"] = "token-1", ["Accept"] = "application/json" };

            var response = await transport.SendAsync(HttpMethod.Get, heat.BaseUrl + "/stacks/web", headers, null, idempotent: true, "orchestration", CancellationToken.None);

            Assert.Equal(200, response.StatusCode);
            Assert.Equal("web", response.Json().GetProperty("stack").GetProperty("stack_name").GetString());
            Assert.Equal(new[] { "/v1/p/stacks/web", "/v1/p/stacks/web/42" }, heat.Paths);
            Assert.Equal(new[] { "token-1", "token-1" }, heat.Tokens);
        }

        /// <summary>Answers /v1/p/stacks/web with a 302 to /v1/p/stacks/web/42, and that with the stack (401 without a token).</summary>
        private sealed class RedirectingHeat : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

            public RedirectingHeat()
            {
                _listener.Start();
                _ = ServeAsync();
            }

            public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/p";
            public List<string> Paths { get; } = new List<string>();
            public List<string?> Tokens { get; } = new List<string?>();

            private async Task ServeAsync()
            {
                try
                {
                    while (true)
                    {
                        using var client = await _listener.AcceptTcpClientAsync();
                        using var stream = client.GetStream();
                        var (path, token) = await ReadRequestAsync(stream);
                        lock (Paths)
                        {
                            Paths.Add(path);
                            Tokens.Add(token);
                        }
                        var answer = token == null ? Response("401 Unauthorized", "", "{}")
                            : path.EndsWith("/42") ? Response("200 OK", "", "{\"stack\": {\"id\": \"42\", \"stack_name\": \"web\"}}")
                            : Response("302 Found", $"Location: {BaseUrl}/stacks/web/42\r\n", "");
                        var bytes = Encoding.ASCII.GetBytes(answer);
                        await stream.WriteAsync(bytes, 0, bytes.Length);
                    }
                }
                catch (Exception e) when (e is ObjectDisposedException || e is SocketException || e is IOException)
                {
                    // stopped
                }
            }

            private static string Response(string status, string extraHeaders, string body) =>
                $"HTTP/1.1 {status}\r\n{extraHeaders}Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";

            private static async Task<(string Path, string? Token)> ReadRequestAsync(NetworkStream stream)
            {
                var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? "";
                string? token = null;
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                    if (line.StartsWith("X-Auth-Token:", StringComparison.OrdinalIgnoreCase))
                        token = line.Substring("X-Auth-Token:".Length).Trim();
                return (requestLine.Split(' ')[1], token);
            }

            public void Dispose() => _listener.Stop();
        }
    }
}
