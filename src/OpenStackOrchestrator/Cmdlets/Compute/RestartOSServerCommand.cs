using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Restart-OSServer: reboots servers (soft, or -Hard) and waits until ACTIVE again. Asks first
    /// (ConfirmImpact High, as PowerCLI's Restart-VM).</summary>
    [Cmdlet(VerbsLifecycle.Restart, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class RestartOSServerCommand : ServerActionCmdlet
    {
        /// <summary>A hard reboot (power cycle) instead of asking the guest to reboot.</summary>
        [Parameter]
        public SwitchParameter Hard { get; set; }

        protected override string Operation => Hard ? "Hard reboot server" : "Reboot server";
        protected override string Activity => "Restarting servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            await cloud.Compute.ServerActionAsync(serverId, "reboot", new Dictionary<string, string> { ["type"] = Hard ? "HARD" : "SOFT" }, ct).ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE").ConfigureAwait(false);
        }
    }
}
