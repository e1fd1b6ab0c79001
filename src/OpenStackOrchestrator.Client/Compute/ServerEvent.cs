using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Core;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>One action done to a server (Nova os-instance-actions: create, stop, resize...) with its events, as
    /// PowerCLI's Get-VIEvent shows a VM's history.</summary>
    [TableView("StartTime", "Server", "Action", "Result", "UserId", "Message")]
    public sealed class ServerEvent
    {
        public string Server { get; init; } = "";
        public string ServerId { get; init; } = "";
        /// <summary>create, stop, start, reboot, resize, confirmResize, lock, rescue, delete...</summary>
        public string Action { get; init; } = "";
        public string RequestId { get; init; } = "";
        public DateTime? StartTime { get; init; }
        public string? UserId { get; init; }
        public string? ProjectId { get; init; }
        /// <summary>Nova's message for a failed action (e.g. "Error"); empty when it went well.</summary>
        public string? Message { get; init; }
        /// <summary>The steps of the action (compute_stop_instance...), each with its start, finish and result.</summary>
        public IReadOnlyList<ServerActionEvent> Events { get; init; } = Array.Empty<ServerActionEvent>();
        /// <summary>Error when any step failed, else Success (or empty while the steps are unfinished).</summary>
        public string? Result => Events.Any(e => string.Equals(e.Result, "Error", StringComparison.OrdinalIgnoreCase)) ? "Error"
            : Events.Count > 0 && Events.All(e => string.Equals(e.Result, "Success", StringComparison.OrdinalIgnoreCase)) ? "Success" : null;

        public override string ToString() => $"{Action} {Server}";
    }

    /// <summary>One step of a server action.</summary>
    public sealed class ServerActionEvent
    {
        public string Event { get; init; } = "";
        public DateTime? StartTime { get; init; }
        public DateTime? FinishTime { get; init; }
        /// <summary>Success or Error (empty while running).</summary>
        public string? Result { get; init; }
        /// <summary>The failure's traceback: Nova shows it to admins only.</summary>
        public string? Traceback { get; init; }

        public override string ToString() => $"{Event} {Result}";
    }

    public sealed partial class ComputeClient
    {
        internal const string ChangesSinceActionsMicroversion = "2.58";

        /// <summary>The actions of a server, newest first, each with its events; <paramref name="since"/> asks Nova
        /// for those changed since then (changes-since, 2.58+).</summary>
        public async Task<IReadOnlyList<ServerEvent>> ListServerEventsAsync(Server server, DateTime? since, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, since.HasValue ? ChangesSinceActionsMicroversion : "2.1",
                ChangesSinceActionsMicroversion, since.HasValue ? "Listing a server's events since a time (-Start)" : "Listing a server's events", cancellationToken).ConfigureAwait(false);
            var path = $"/servers/{Uri.EscapeDataString(server.Id)}/os-instance-actions";
            var query = since.HasValue ? "?changes-since=" + Uri.EscapeDataString(since.Value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)) : "";
            var list = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Compute, path + query) { Microversion = version }, cancellationToken).ConfigureAwait(false);
            var result = new List<ServerEvent>();
            if (!list.Json().TryGetProperty("instanceActions", out var actions) || actions.ValueKind != JsonValueKind.Array)
                return result;
            foreach (var action in actions.EnumerateArray())
            {
                var requestId = action.Str("request_id") ?? "";
                var detail = await _cloud.SendAsync(new ServiceRequest(HttpMethod.Get, ServiceTypes.Compute, $"{path}/{Uri.EscapeDataString(requestId)}") { Microversion = version },
                    cancellationToken).ConfigureAwait(false);
                var full = detail.Json().Obj("instanceAction");
                var events = new List<ServerActionEvent>();
                if (full.ValueKind == JsonValueKind.Object && full.TryGetProperty("events", out var list2) && list2.ValueKind == JsonValueKind.Array)
                    foreach (var e in list2.EnumerateArray())
                        events.Add(new ServerActionEvent
                        {
                            Event = e.Str("event") ?? "",
                            StartTime = e.Time("start_time"),
                            FinishTime = e.Time("finish_time"),
                            Result = e.Str("result"),
                            Traceback = e.Str("traceback"),
                        });
                result.Add(new ServerEvent
                {
                    Server = server.Name,
                    ServerId = server.Id,
                    Action = action.Str("action") ?? "",
                    RequestId = requestId,
                    StartTime = action.Time("start_time"),
                    UserId = action.Str("user_id"),
                    ProjectId = action.Str("project_id"),
                    Message = action.Str("message"),
                    Events = events.OrderBy(e => e.StartTime).ToList(),
                });
            }
            return result.OrderByDescending(a => a.StartTime).ToList();
        }
    }
}
