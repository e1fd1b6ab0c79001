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
    /// <summary>New-OSProject: a Keystone project (New-Folder of vSphere), in a domain, maybe below a parent project.
    /// The domain and parent are resolved before -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.New, "OSProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Project))]
    public sealed class NewOSProjectCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Project.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The domain (name, id or object); default: the parent's domain, else Keystone's (the token's, or Default).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        [ValidateNotNull]
        public ResourceReference? Domain { get; set; }

        /// <summary>The project the new one goes below (name, id or object); default: the top of the domain.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Project>))]
        [ValidateNotNull]
        public ResourceReference? Parent { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Creates the project disabled: no one can get a token for it until Set-OSProject -Enabled.</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            var where = Parent != null ? $" below {Parent}" : Domain != null ? $" in domain {Domain}" : "";
            if (cloud == null || !ShouldProcessResolved(Name, ct => RequestAsync(cloud, ct), $"{Name}{where} on {cloud.Name}", "Create project"))
                return;
            Try(Name, () => WriteTyped(Run(async ct => await Project.CreateAsync(cloud, await RequestAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)),
                Project.Definition.TypeName));
        }

        private async Task<ProjectCreateRequest> RequestAsync(CloudConnection cloud, CancellationToken ct)
        {
            var domainId = await Domain.OptionalAsync(cloud, IdentityReferences.DomainIdAsync, ct).ConfigureAwait(false);
            var parentId = await Parent.OptionalAsync(cloud, IdentityReferences.ProjectIdAsync, ct).ConfigureAwait(false);
            // Keystone puts a project without domain_id in the token's domain, even below a parent of another one.
            if (parentId != null && domainId == null)
                domainId = (await cloud.GetResourceAsync(Project.Definition, parentId, ct).ConfigureAwait(false)).DomainId;
            return new ProjectCreateRequest
            {
                Name = Name!, Description = Description, DomainId = domainId, ParentId = parentId, Enabled = !Disabled, Tags = Tag,
            };
        }
    }
}
