using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Identity;

namespace OpenStackOrchestrator.Client.Compute
{
    /// <summary>Moving servers between compute hosts (admin only under Nova's default policy).</summary>
    public sealed partial class ComputeClient
    {
        // 2.56: a cold migration may name its host. 2.30: a live migration's host is checked by the scheduler (no
        // "force"), block_migration "auto" since 2.25. 2.29: the same for an evacuation, without onSharedStorage (2.14).
        internal const string MigrateToHostMicroversion = "2.56";
        internal const string LiveMigrateMicroversion = "2.30";
        internal const string EvacuateMicroversion = "2.29";

        /// <summary>Cold migration (migrate): the server is moved, resized onto the same flavor, and waits in VERIFY_RESIZE.</summary>
        public async Task MigrateServerAsync(string id, string? host, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, host != null ? MigrateToHostMicroversion : "2.1", MigrateToHostMicroversion,
                host != null ? "Migrating a server to a named host" : "Migrating a server", cancellationToken).ConfigureAwait(false);
            await ExplainingRefusedHostAsync(host, () => ServerActionAsync(id, "migrate", host != null ? new Dictionary<string, string> { ["host"] = host } : null,
                cancellationToken, version, requiredRole: "admin"), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Live migration (os-migrateLive) with block_migration "auto": Nova picks shared or block migration.</summary>
        public async Task LiveMigrateServerAsync(string id, string? host, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, LiveMigrateMicroversion, LiveMigrateMicroversion,
                "Live migrating a server", cancellationToken).ConfigureAwait(false);
            await ExplainingRefusedHostAsync(host, () => ServerActionAsync(id, "os-migrateLive", new LiveMigration { Host = host }, cancellationToken, version,
                requiredRole: "admin"), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Evacuation: the server is rebuilt on another host; Nova allows it only when its compute service is down.</summary>
        public async Task EvacuateServerAsync(string id, string? host, CancellationToken cancellationToken)
        {
            var version = await _cloud.NegotiateMicroversionAsync(ServiceTypes.Compute, EvacuateMicroversion, EvacuateMicroversion,
                "Evacuating a server", cancellationToken).ConfigureAwait(false);
            await ExplainingRefusedHostAsync(host, () => ServerActionAsync(id, "evacuate", host != null ? new Dictionary<string, string> { ["host"] = host } : new Dictionary<string, string>(),
                cancellationToken, version, requiredRole: "admin"), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Nova's 400 "No valid host was found." to a move with a destination does not say why: a destination whose
        /// compute service is disabled or down is why, and the error says so.</summary>
        private async Task ExplainingRefusedHostAsync(string? host, Func<Task> send, CancellationToken cancellationToken)
        {
            try
            {
                await send().ConfigureAwait(false);
            }
            catch (BadRequestException refused) when (host != null && (refused.ServiceMessage ?? refused.Message).IndexOf("No valid host", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var why = await ComputeService.WhyHostRefusesAsync(_cloud, host, cancellationToken).ConfigureAwait(false);
                if (why == null)
                    throw;
                throw new BadRequestException(refused.Message + " " + why)
                {
                    Service = refused.Service, Method = refused.Method, Url = refused.Url, StatusCode = refused.StatusCode,
                    RequestId = refused.RequestId, ServiceMessage = refused.ServiceMessage,
                };
            }
        }

        private static readonly string[] MoveActions = { "migrate", "live-migration", "evacuate" };

        /// <summary>The error for a server a move left where it was, with Nova's reason: the message of the server's newest
        /// move action, else the last line of its failed step's traceback (admins see those); and, for a destination whose
        /// compute service is disabled or down, that.</summary>
        public async Task<ServerNotMovedException> NotMovedAsync(Server server, string action, DateTime since, string? destination, CancellationToken cancellationToken)
        {
            string? reason = null;
            try
            {
                var events = await ListServerEventsAsync(server, since, cancellationToken).ConfigureAwait(false);
                var move = events.FirstOrDefault(e => MoveActions.Contains(e.Action, StringComparer.OrdinalIgnoreCase));
                // Nova's traceback of a failed step ends in the line that raised, without the exception's message.
                var failed = move?.Events.FirstOrDefault(e => !string.IsNullOrEmpty(e.Traceback));
                var raised = failed == null ? null : System.Text.RegularExpressions.Regex.Matches(failed.Traceback!, @"raise exception\.(\w+)")
                    .Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups[1].Value).LastOrDefault();
                reason = !string.IsNullOrEmpty(move?.Message) && move!.Message != "Error" ? move.Message
                    : failed != null ? $"its {failed.Event} step failed" + (raised != null ? $" with {raised}" : "")
                    : move?.Message;
            }
            catch (OpenStackException)
            {
                // the reason is a courtesy: the error stands without it
            }
            var why = destination != null ? await ComputeService.WhyHostRefusesAsync(_cloud, destination, cancellationToken).ConfigureAwait(false) : null;
            return new ServerNotMovedException(server, action, reason, why);
        }

        private sealed class LiveMigration
        {
            [System.Text.Json.Serialization.JsonPropertyName("host")]
            public string? Host { get; init; }
            [System.Text.Json.Serialization.JsonPropertyName("block_migration")]
            public string BlockMigration => "auto";
        }
    }
}
