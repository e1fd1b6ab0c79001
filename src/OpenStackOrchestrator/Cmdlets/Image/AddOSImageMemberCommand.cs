using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Add-OSImageMember: shares an image with other projects (each then accepts it with Set-OSImageMember). A
    /// private image is made shared first: Glance gives members to shared images only.</summary>
    [Cmdlet(VerbsCommon.Add, "OSImageMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageMember))]
    public sealed class AddOSImageMemberCommand : ImageMemberCmdlet
    {
        /// <summary>The projects to share with: ids, or names (a name needs a user who can list projects, or one of the user's own).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord() => ForEachProject(Project!, project => $"Share image with project '{project}'",
            (cloud, project, imageId, projectId) => Try(project, () => WriteTyped(Run(ct => cloud.Image.AddMemberAsync(imageId, projectId, ct)), TypeNames.ImageMember)));
    }
}
