using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Base of the volume type access cmdlets: -VolumeType (name, id or object, also piped).</summary>
    public abstract class VolumeTypeAccessCmdlet : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeTypeNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? VolumeType { get; set; }

        protected CloudConnection? TypeCloud() => VolumeType!.Cloud ?? TargetCloud();

        /// <summary>Adds or removes each project's access (ShouldProcess after both are resolved).</summary>
        protected void Change(string[] projects, bool allow)
        {
            var cloud = TypeCloud();
            if (cloud == null)
                return;
            foreach (var project in projects)
            {
                string? typeId = null, projectId = null;
                if (!ShouldProcessResolved(project, async ct =>
                    {
                        typeId = await VolumeType!.IdOnAsync(cloud, Client.BlockStorage.VolumeType.Definition, ct).ConfigureAwait(false);
                        projectId = await cloud.ResolveProjectIdAsync(project, ct).ConfigureAwait(false);
                    }, $"{VolumeType} on {cloud.Name}", allow ? $"Let project '{project}' use volume type" : $"Stop project '{project}' using volume type"))
                    continue;
                Try(project, () => Run(ct => cloud.BlockStorage.SetVolumeTypeAccessAsync(typeId!, projectId!, allow, ct)));
            }
        }
    }

    /// <summary>Get-OSVolumeTypeAccess: the projects a private volume type is open to (admin).</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolumeTypeAccess")]
    [OutputType(typeof(VolumeTypeAccess))]
    public sealed class GetOSVolumeTypeAccessCommand : VolumeTypeAccessCmdlet
    {
        protected override void ProcessRecord()
        {
            var cloud = TypeCloud();
            if (cloud == null)
                return;
            Try(VolumeType, () =>
            {
                var access = Run(async ct => await cloud.BlockStorage.ListVolumeTypeAccessAsync(
                    await VolumeType!.IdOnAsync(cloud, Client.BlockStorage.VolumeType.Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
                foreach (var item in access)
                    WriteTyped(item, TypeNames.VolumeTypeAccess);
            });
        }
    }

    /// <summary>Add-OSVolumeTypeAccess: lets projects use a private volume type (admin).</summary>
    [Cmdlet(VerbsCommon.Add, "OSVolumeTypeAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class AddOSVolumeTypeAccessCommand : VolumeTypeAccessCmdlet
    {
        /// <summary>Project ids, or names (looking a name up needs a user who can list projects).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord() => Change(Project!, allow: true);
    }

    /// <summary>Remove-OSVolumeTypeAccess: stops projects using a private volume type (their volumes keep it; admin).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSVolumeTypeAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSVolumeTypeAccessCommand : VolumeTypeAccessCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Project { get; set; }

        protected override void ProcessRecord() => Change(Project!, allow: false);
    }
}
