using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Images
{
    /// <summary>Get-OSImageMember: the projects an image is shared with and whether each accepted it.</summary>
    [Cmdlet(VerbsCommon.Get, "OSImageMember")]
    [OutputType(typeof(ImageMember))]
    public sealed class GetOSImageMemberCommand : ImageMemberCmdlet
    {
        /// <summary>Only these projects (names or ids).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = ImageCloud();
            if (cloud == null)
                return;
            Try(Image, () =>
            {
                var members = Run(async ct =>
                {
                    var id = await ImageIdAsync(cloud, ct).ConfigureAwait(false);
                    var all = await cloud.Image.ListMembersAsync(id, ct).ConfigureAwait(false);
                    if (Project == null)
                        return all;
                    var wanted = new System.Collections.Generic.List<string>();
                    foreach (var project in Project)
                        wanted.Add(await ProjectIdAsync(cloud, project, ct).ConfigureAwait(false));
                    return all.Where(m => wanted.Contains(m.MemberId, System.StringComparer.OrdinalIgnoreCase)).ToList();
                });
                foreach (var member in members)
                    WriteTyped(member, TypeNames.ImageMember);
            });
        }
    }
}
