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
    /// <summary>Start-OSServer: powers servers on whatever stopped them: start (SHUTOFF), resume (SUSPENDED),
    /// unpause (PAUSED), unshelve (SHELVED); waits until ACTIVE. A server already powered on is a ServerAlreadyInState error.</summary>
    [Cmdlet(VerbsLifecycle.Start, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class StartOSServerCommand : ServerActionCmdlet
    {
        protected override string Operation => "Start server";
        protected override string Activity => "Starting servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            if (server.PowerState == PowerStates.PoweredOn)
                throw new ServerAlreadyInStateException(server, "started");
            // Any other state (BUILD, ERROR...) is Nova's to refuse, with its reason.
            var action = StartAction(server.Status) ?? "os-start";
            await SendPowerActionAsync(cloud, server, action, null, "started", ct, "active").ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE").ConfigureAwait(false);
        }

        internal static string? StartAction(string status)
        {
            switch (status)
            {
                case "SHUTOFF": return "os-start";
                case "SUSPENDED": return "resume";
                case "PAUSED": return "unpause";
                case "SHELVED": case "SHELVED_OFFLOADED": return "unshelve";
                default: return null;
            }
        }
    }
}
