using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OpenStackOrchestrator.Client.Tests.TestSupport
{
    /// <summary>A real TCP server on 127.0.0.1 that accepts connections and never answers: a hung service.
    /// HttpTest answers synchronously and ignores cancellation, so timeouts need a real socket.</summary>
    internal sealed class StalledServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _clients = new List<TcpClient>();
        private int _connections;

        public StalledServer()
        {
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v2.1/servers/detail";

        public int Connections => Volatile.Read(ref _connections);

        private async Task AcceptLoopAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    lock (_clients) _clients.Add(client);
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_clients)
                foreach (var c in _clients) c.Dispose();
        }
    }
}
