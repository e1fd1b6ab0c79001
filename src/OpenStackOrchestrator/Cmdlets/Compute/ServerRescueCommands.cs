using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Enter-OSServerRescue: boots servers from a rescue image (Nova rescue) with their own disk attached,
    /// and waits until RESCUE. -Image picks the rescue image, -AdminPassword the rescue system's password.</summary>
    [Cmdlet(VerbsCommon.Enter, "OSServerRescue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class EnterOSServerRescueCommand : ServerActionCmdlet
    {
        /// <summary>The image to boot the rescue system from; without it, the server's own image.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public ResourceReference? Image { get; set; }

        /// <summary>The rescue system's administrator password; without it, Nova makes one up.</summary>
        [Parameter]
        [PasswordTransformation("AdminPassword")]
        [ArgumentCompleter(typeof(NoCompletion))]
        public SecureString? AdminPassword { get; set; }

        protected override string Operation => Image != null ? $"Rescue server from image {Image}" : "Rescue server";
        protected override string Activity => "Rescuing servers";

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (Image != null)
                await Image.IdOnAsync(cloud, Client.Images.Image.Definition, ct).ConfigureAwait(false);
        }

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            if (string.Equals(server.Status, "RESCUE", StringComparison.OrdinalIgnoreCase))
                throw new ServerAlreadyInStateException(server, "rescued");
            var argument = new Dictionary<string, string>();
            if (Image != null)
                argument["rescue_image_ref"] = await Image.IdOnAsync(cloud, Client.Images.Image.Definition, ct).ConfigureAwait(false);
            if (AdminPassword != null)
                argument["adminPass"] = new NetworkCredential("", AdminPassword).Password;
            await SendPowerActionAsync(cloud, server, "rescue", argument, "rescued", ct, "rescued").ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "RESCUE").ConfigureAwait(false);
        }
    }

    /// <summary>Exit-OSServerRescue: boots rescued servers from their own disk again (Nova unrescue) and waits until ACTIVE.</summary>
    [Cmdlet(VerbsCommon.Exit, "OSServerRescue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class ExitOSServerRescueCommand : ServerActionCmdlet
    {
        protected override string Operation => "Unrescue server";
        protected override string Activity => "Unrescuing servers";

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var server = await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false);
            if (!string.Equals(server.Status, "RESCUE", StringComparison.OrdinalIgnoreCase))
                throw new ServerAlreadyInStateException(server, "out of rescue");
            await SendPowerActionAsync(cloud, server, "unrescue", null, "out of rescue", ct, "active", "stopped").ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE").ConfigureAwait(false);
        }
    }
}
