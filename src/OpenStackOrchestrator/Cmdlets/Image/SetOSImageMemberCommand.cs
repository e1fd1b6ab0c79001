using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Set-OSImageMember: the member project's answer to an image shared with it: Accepted (the image shows in
    /// its image list and servers boot from it), Rejected, or Pending again.</summary>
    [Cmdlet(VerbsCommon.Set, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageMember))]
    public sealed class SetOSImageMemberCommand : ImageMemberCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("Accepted", "Rejected", "Pending", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>The member project (id or name); default: the connection's own project, the usual one to answer for.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = ImageCloud();
            if (cloud == null)
                return;
            var project = Project ?? cloud.ProjectId ?? cloud.ProjectName ?? "";
            string? imageId = null, projectId = null;
            if (!ShouldProcessResolved(Image, async ct =>
                {
                    imageId = await ImageIdAsync(cloud, ct).ConfigureAwait(false);
                    projectId = await ProjectIdAsync(cloud, project, ct).ConfigureAwait(false);
                }, $"{Image} on {cloud.Name}", $"Set image membership of project '{Project ?? cloud.ProjectName}' to {Status}"))
                return;
            Try(Image, () => WriteTyped(Run(ct => cloud.Image.SetMemberStatusAsync(imageId!, projectId!, Status!, ct)), TypeNames.ImageMember));
        }
    }
}
