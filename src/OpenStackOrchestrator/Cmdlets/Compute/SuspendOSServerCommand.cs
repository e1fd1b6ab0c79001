using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Suspend-OSServer: suspends servers (or -Pause, -Shelve) and waits for the state. A server already in
    /// it is a ServerAlreadyInState error.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Suspend")]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class SuspendOSServerCommand : ServerActionCmdlet
    {
        /// <summary>Pause (freeze in memory) instead of suspending to disk.</summary>
        [Parameter(ParameterSetName = "Pause", Mandatory = true)]
        public SwitchParameter Pause { get; set; }

        /// <summary>Shelve: power off and release the host's resources (SHELVED_OFFLOADED).</summary>
        [Parameter(ParameterSetName = "Shelve", Mandatory = true)]
        public SwitchParameter Shelve { get; set; }

        protected override string Operation => Pause ? "Pause server" : Shelve ? "Shelve server" : "Suspend server";
        protected override string Activity => "Suspending servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var action = Pause ? "pause" : Shelve ? "shelve" : "suspend";
            var state = Pause ? "paused" : Shelve ? "shelved" : "suspended";
            var vmStates = Shelve ? new[] { "shelved", "shelved_offloaded" } : new[] { state };
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            if (vmStates.Contains(server.Status, StringComparer.OrdinalIgnoreCase))
                throw new ServerAlreadyInStateException(server, state);
            await SendPowerActionAsync(cloud, server, action, null, state, ct, vmStates).ConfigureAwait(false);
            return Pause ? await WaitForAsync(cloud, serverId, task, ct, "PAUSED").ConfigureAwait(false)
                : Shelve ? await WaitForAsync(cloud, serverId, task, ct, "SHELVED", "SHELVED_OFFLOADED").ConfigureAwait(false)
                : await WaitForAsync(cloud, serverId, task, ct, "SUSPENDED").ConfigureAwait(false);
        }
    }
}
