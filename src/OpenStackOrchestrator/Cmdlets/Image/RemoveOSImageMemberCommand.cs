using System.Management.Automation;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Remove-OSImageMember: stops sharing an image with projects (their servers keep running; they can no
    /// longer boot new ones from it).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSImageMemberCommand : ImageMemberCmdlet
    {
        /// <summary>The member projects: ids or names.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = ImageCloud();
            if (cloud == null)
                return;
            foreach (var project in Project!)
            {
                string? imageId = null, projectId = null;
                if (!ShouldProcessResolved(project, async ct =>
                    {
                        imageId = await ImageIdAsync(cloud, ct).ConfigureAwait(false);
                        projectId = await ProjectIdAsync(cloud, project, ct).ConfigureAwait(false);
                    }, $"{Image} on {cloud.Name}", $"Stop sharing image with project '{project}'"))
                    continue;
                Try(project, () => Run(ct => cloud.Image.RemoveMemberAsync(imageId!, projectId!, ct)));
            }
        }
    }
}
