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
    /// <summary>Reset-OSServer: rebuilds servers from an image (Nova rebuild): the root disk is replaced, the
    /// server keeps its id, name, addresses and flavor. Destructive, so it asks first (ConfirmImpact High).</summary>
    [Cmdlet(VerbsCommon.Reset, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Server), typeof(OSTask))]
    public sealed class ResetOSServerCommand : ServerActionCmdlet
    {
        /// <summary>The image to rebuild from; without it, the server's current image.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public ResourceReference? Image { get; set; }

        protected override string Operation => Image != null ? $"Rebuild server from image {Image}" : "Rebuild server from its image";
        protected override string Activity => "Rebuilding servers";

        protected override async Task ResolveArgumentsAsync(CloudConnection cloud, CancellationToken ct)
        {
            if (Image != null)
                await ImageIdAsync(cloud, ct).ConfigureAwait(false);
        }

        private Task<string> ImageIdAsync(CloudConnection cloud, CancellationToken ct) =>
            Image!.IdOnAsync(cloud, Client.Images.Image.Definition, ct);

        protected override async Task<object?> PerformAsync(CloudConnection cloud, string serverId, OSTask task, CancellationToken ct)
        {
            var imageId = Image != null
                ? await ImageIdAsync(cloud, ct).ConfigureAwait(false)
                : (await cloud.Compute.GetServerAsync(serverId, ct).ConfigureAwait(false)).ImageId;
            if (string.IsNullOrEmpty(imageId))
                throw new Client.Errors.BadRequestException("The server boots from a volume and has no image; give -Image.");
            await cloud.Compute.ServerActionAsync(serverId, "rebuild", new Dictionary<string, string> { ["imageRef"] = imageId! }, ct).ConfigureAwait(false);
            return await WaitForAsync(cloud, serverId, task, ct, "ACTIVE", "SHUTOFF").ConfigureAwait(false);
        }
    }
}
