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

        protected override void ProcessRecord() => ForEachProject(Project!, project => $"Stop sharing image with project '{project}'",
            (cloud, project, imageId, projectId) => Try(project, () => Run(ct => cloud.Image.RemoveMemberAsync(imageId, projectId, ct))));
    }
}
