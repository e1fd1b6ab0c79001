using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Move-OSServer: moves servers to another compute host, as Move-VM -Destination moves VMs (admin only).
    /// A cold migration waits for VERIFY_RESIZE and confirms it (unless -NoConfirmMigration); -Live migrates a running
    /// server; -Evacuate rebuilds the servers of a compute host that is down elsewhere. Each waits until the server is
    /// ACTIVE (or SHUTOFF) again, and fails when Nova left it on the host it was on, with Nova's reason.</summary>
    [Cmdlet(VerbsCommon.Move, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Cold")]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class MoveOSServerCommand : ServerActionCmdlet
    {
        /// <summary>The compute host to move to (a name, or a hypervisor or compute service object); without it, the
        /// scheduler picks one.</summary>
        [Parameter(Position = 1)]
        [HostNameTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<ComputeService>))]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        [Parameter(ParameterSetName = "Live", Mandatory = true)]
        public SwitchParameter Live { get; set; }

        [Parameter(ParameterSetName = "Evacuate", Mandatory = true)]
        public SwitchParameter Evacuate { get; set; }

        /// <summary>Leave a cold migration in VERIFY_RESIZE, for Set-OSServer -ConfirmResize or -RevertResize.</summary>
        [Parameter(ParameterSetName = "Cold")]
        public SwitchParameter NoConfirmMigration { get; set; }

        protected override string Activity => "Moving servers";

        protected override string Operation =>
            (Live ? "Live migrate server" : Evacuate ? "Evacuate server" : "Migrate server") + (Destination != null ? $" to host {Destination}" : "");

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var before = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            var started = DateTime.UtcNow.AddSeconds(-5);
            if (Live)
                await cloud.Compute.LiveMigrateServerAsync(serverId, Destination, ct).ConfigureAwait(false);
            else if (Evacuate)
                await cloud.Compute.EvacuateServerAsync(serverId, Destination, ct).ConfigureAwait(false);
            else
                await cloud.Compute.MigrateServerAsync(serverId, Destination, ct).ConfigureAwait(false);
            task.Report(10, Live ? "live migrating" : Evacuate ? "evacuating" : "migrating");
            var moved = await WaitForAsync(cloud, serverId, task, ct, Live || Evacuate ? new[] { "ACTIVE", "SHUTOFF" } : new[] { "VERIFY_RESIZE", "ACTIVE", "SHUTOFF" })
                .ConfigureAwait(false);
            if (moved.Status != "VERIFY_RESIZE" && string.Equals(moved.Host, before.Host, StringComparison.Ordinal))
                throw await cloud.Compute.NotMovedAsync(moved, Live ? "live migrate" : Evacuate ? "evacuate" : "migrate", started, Destination, ct).ConfigureAwait(false);
            if (moved.Status != "VERIFY_RESIZE" || NoConfirmMigration)
                return moved;
            task.Report(80, "confirming migration");
            await cloud.Compute.ServerActionAsync(serverId, "confirmResize", null, ct).ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE", "SHUTOFF").ConfigureAwait(false);
        }
    }
}
