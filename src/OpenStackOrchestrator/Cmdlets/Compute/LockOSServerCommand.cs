using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Lock-OSServer: locks servers, so that Nova refuses to delete, stop, resize or rebuild them (a
    /// ServerLocked error) until Unlock-OSServer. -Reason (Nova 2.73+) says why.</summary>
    [Cmdlet(VerbsCommon.Lock, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class LockOSServerCommand : ServerActionCmdlet
    {
        internal const string ReasonMicroversion = "2.73";

        /// <summary>Why the server is locked (Nova 2.73+: locked_reason).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        protected override string Operation => Reason == null ? "Lock server" : $"Lock server (reason '{Reason}')";
        protected override string Activity => "Locking servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            if (Reason == null)
                await cloud.Compute.ServerActionAsync(serverId, "lock", null, ct).ConfigureAwait(false);
            else
                await cloud.Compute.ServerActionAsync(serverId, "lock", new { locked_reason = Reason }, ct, ReasonMicroversion).ConfigureAwait(false);
            return await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Unlock-OSServer: unlocks servers locked by Lock-OSServer (an admin's lock only an admin can lift).</summary>
    [Cmdlet(VerbsCommon.Unlock, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class UnlockOSServerCommand : ServerActionCmdlet
    {
        protected override string Operation => "Unlock server";
        protected override string Activity => "Unlocking servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            await cloud.Compute.ServerActionAsync(serverId, "unlock", null, ct).ConfigureAwait(false);
            return await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
        }
    }
}
