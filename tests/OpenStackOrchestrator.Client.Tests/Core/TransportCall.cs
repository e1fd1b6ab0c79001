using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;

namespace OpenStackOrchestrator.Client.Tests.Core
{
    internal static class TransportCall
    {
        public const string ServersUrl = "http://127.0.0.1:8774/v2.1/servers/detail";
        public const string CreateServerUrl = "http://127.0.0.1:8774/v2.1/servers";

        public static Task<ServiceResponse> GetAsync(this HttpTransport transport, string url = ServersUrl,
            CancellationToken cancellationToken = default) =>
            transport.SendAsync(HttpMethod.Get, url, new Dictionary<string, string>(), null, idempotent: true, "compute", cancellationToken);

        public static Task<ServiceResponse> PostAsync(this HttpTransport transport, string url = CreateServerUrl) =>
            transport.SendAsync(HttpMethod.Post, url, new Dictionary<string, string>(), "{\"server\": {\"name\": \"vm1\"}}",
                idempotent: false, "compute", CancellationToken.None);
    }
}
