using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Base of the image member cmdlets: -Image (name, id or object, also piped), resolved on its cloud.</summary>
    public abstract class ImageMemberCmdlet : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Image { get; set; }

        protected CloudConnection? ImageCloud() => Image!.Cloud ?? TargetCloud();

        protected Task<string> ImageIdAsync(CloudConnection cloud, CancellationToken ct) => Image!.IdOnAsync(cloud, Client.Images.Image.Definition, ct);

        protected static Task<string> ProjectIdAsync(CloudConnection cloud, string project, CancellationToken ct) => cloud.ResolveProjectIdAsync(project, ct);

        /// <summary>For each project: resolves the image and the project (also under -WhatIf, so it reports what the real
        /// run would), asks ShouldProcess with <paramref name="action"/>, then acts with (cloud, image id, project id).</summary>
        protected void ForEachProject(string[] projects, System.Func<string, string> action, System.Action<CloudConnection, string, string, string> act)
        {
            var cloud = ImageCloud();
            if (cloud == null)
                return;
            foreach (var project in projects)
            {
                string? imageId = null, projectId = null;
                if (!ShouldProcessResolved(project, async ct =>
                    {
                        imageId = await ImageIdAsync(cloud, ct).ConfigureAwait(false);
                        projectId = await ProjectIdAsync(cloud, project, ct).ConfigureAwait(false);
                    }, $"{Image} on {cloud.Name}", action(project)))
                    continue;
                act(cloud, project, imageId!, projectId!);
            }
        }
    }
}
