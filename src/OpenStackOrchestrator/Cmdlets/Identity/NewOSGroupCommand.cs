using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>New-OSGroup: a Keystone group of users, in a domain resolved before -WhatIf says what it would do.</summary>
    [Cmdlet(VerbsCommon.New, "OSGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Group))]
    public sealed class NewOSGroupCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Group.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        [ValidateNotNull]
        public ResourceReference? Domain { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            var where = Domain != null ? $" in domain {Domain}" : "";
            if (cloud == null || !ShouldProcessResolved(Name, ct => Domain.OptionalAsync(cloud, IdentityReferences.DomainIdAsync, ct), $"{Name}{where} on {cloud.Name}", "Create group"))
                return;
            Try(Name, () => WriteTyped(Run(async ct => await Group.CreateAsync(cloud, new GroupCreateRequest
            {
                Name = Name!, Description = Description, DomainId = await Domain.OptionalAsync(cloud, IdentityReferences.DomainIdAsync, ct).ConfigureAwait(false),
            }, ct).ConfigureAwait(false)), Group.Definition.TypeName));
        }
    }
}
