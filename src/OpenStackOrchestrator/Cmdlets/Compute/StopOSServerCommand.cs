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
    /// <summary>Stop-OSServer: powers servers off (os-stop) and waits until SHUTOFF. Asks first (ConfirmImpact High, as
    /// PowerCLI's Stop-VM); a server already powered off is a ServerAlreadyInState error.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class StopOSServerCommand : ServerActionCmdlet
    {
        /// <summary>A hard stop, for PowerCLI scripts. Nova has one stop action; its clean-shutdown wait is bounded by
        /// the cloud (shutdown_timeout), so -Kill only skips nothing the API offers and is accepted for parity.</summary>
        [Parameter]
        public SwitchParameter Kill { get; set; }

        protected override string Operation => Kill ? "Stop server (hard)" : "Stop server";
        protected override string Activity => "Stopping servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            if (server.PowerState == PowerStates.PoweredOff)
                throw new ServerAlreadyInStateException(server, "stopped");
            await SendPowerActionAsync(cloud, server, "os-stop", null, "stopped", ct, "stopped", "shelved", "shelved_offloaded").ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "SHUTOFF").ConfigureAwait(false);
        }
    }
}
