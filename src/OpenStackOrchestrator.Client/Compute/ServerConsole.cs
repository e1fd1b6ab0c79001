using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>A remote console of a server (Nova remote-consoles, 2.6+): the URL a browser opens to see its screen.</summary>
    [TableView("Server", "Type", "Protocol", "Url")]
    public sealed class ServerConsole
    {
        /// <summary>The server's name.</summary>
        public string Server { get; init; } = "";
        public string ServerId { get; init; } = "";
        /// <summary>novnc, spice-html5, serial, rdp-html5 or webmks.</summary>
        public string Type { get; init; } = "";
        /// <summary>vnc, spice, serial, rdp or mks.</summary>
        public string Protocol { get; init; } = "";
        public string Url { get; init; } = "";
        /// <summary>The connection the console was asked of.</summary>
        public CloudConnection? Cloud { get; init; }

        public override string ToString() => Url;

        /// <summary>The protocol Nova pairs with a console type.</summary>
        public static string? ProtocolOf(string type)
        {
            switch (type.ToLowerInvariant())
            {
                case "novnc": return "vnc";
                case "spice-html5": return "spice";
                case "serial": return "serial";
                case "rdp-html5": return "rdp";
                case "webmks": return "mks";
                default: return null;
            }
        }
    }

    public sealed partial class ComputeClient
    {
        internal const string RemoteConsoleMicroversion = "2.6";

        /// <summary>POST /servers/{id}/remote-consoles for one console type; Nova's 400 "Unavailable console type" when the cloud does not offer it.</summary>
        public async Task<ServerConsole> GetServerConsoleAsync(Server server, string type, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, RemoteConsoleMicroversion, RemoteConsoleMicroversion, "Getting a server's remote console", cancellationToken).ConfigureAwait(false);
            var protocol = ServerConsole.ProtocolOf(type) ?? throw new ArgumentException($"Unknown console type '{type}'.", nameof(type));
            var body = JsonSerializer.Serialize(new System.Collections.Generic.Dictionary<string, object>
            {
                ["remote_console"] = new System.Collections.Generic.Dictionary<string, string> { ["protocol"] = protocol, ["type"] = type },
            });
            var response = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Post, ServiceTypes.Compute, $"/servers/{Uri.EscapeDataString(server.Id)}/remote-consoles")
            { JsonBody = body, Microversion = version }, cancellationToken).ConfigureAwait(false);
            var console = response.Json().Obj("remote_console");
            return new ServerConsole
            {
                Server = server.Name,
                ServerId = server.Id,
                Type = console.Str("type") ?? type,
                Protocol = console.Str("protocol") ?? protocol,
                Url = console.Str("url") ?? throw new Errors.InvalidResponseException($"Nova returned no {type} console URL for server '{server.Name}'.") { RequestId = response.RequestId },
                Cloud = _cloud,
            };
        }
    }
}
