using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Set-OSProject: renames Keystone projects, changes their description and tags, enables or disables them
    /// (a disabled project gives no tokens: its users cannot work in it).</summary>
    [Cmdlet(VerbsCommon.Set, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Project))]
    public sealed class SetOSProjectCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Identity.Project.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Project { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter]
        public SwitchParameter Enabled { get; set; }

        [Parameter]
        public SwitchParameter Disabled { get; set; }

        /// <summary>The project's tags from now on (the others are removed); @() removes every tag.</summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public string[]? Tag { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Enabled && Disabled)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Enabled and -Disabled exclude each other: give one of them."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, null));
            if (Tag != null && (AddTag != null || RemoveTag != null))
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Tag replaces every tag: give it, or -AddTag/-RemoveTag, not both."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessRecord()
        {
            foreach (var reference in Project!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.ProjectIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Change project"))
                    continue;
                Try(reference.ToString(), () => WriteTyped(Run(async ct => await ChangeAsync(cloud, await reference.ProjectIdAsync(cloud, ct).ConfigureAwait(false), ct)
                    .ConfigureAwait(false)), Client.Identity.Project.Definition.TypeName));
            }
        }

        private async Task<Project> ChangeAsync(CloudConnection cloud, string id, CancellationToken ct)
        {
            var update = new ProjectUpdate { Name = NewName, Description = Description, Enabled = Enabled ? true : Disabled ? false : (bool?)null, Tags = Tag };
            if (AddTag != null || RemoveTag != null)
            {
                var current = await cloud.GetResourceAsync(Client.Identity.Project.Definition, id, ct).ConfigureAwait(false);
                var tags = current.Tags.Concat(AddTag ?? new string[0]).Where(t => RemoveTag == null || !RemoveTag.Contains(t, StringComparer.Ordinal))
                    .Distinct(StringComparer.Ordinal).ToList();
                if (!tags.SequenceEqual(current.Tags, StringComparer.Ordinal))
                    update.Tags = tags;
            }
            return update.IsEmpty
                ? await cloud.GetResourceAsync(Client.Identity.Project.Definition, id, ct).ConfigureAwait(false)
                : await Client.Identity.Project.UpdateAsync(cloud, id, update, ct).ConfigureAwait(false);
        }
    }
}
