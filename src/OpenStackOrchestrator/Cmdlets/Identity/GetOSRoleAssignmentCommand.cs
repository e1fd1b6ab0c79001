using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSRoleAssignment: who has which role where (admin): each row a role, a user or a group, a project or a
    /// domain, by name and id. -Effective lists what users really have (through groups and inheritance).</summary>
    [Cmdlet(VerbsCommon.Get, "OSRoleAssignment")]
    [OutputType(typeof(RoleAssignment))]
    public sealed class GetOSRoleAssignmentCommand : OSCloudCmdlet
    {
        /// <summary>Only this user's assignments: a name or an id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>Only this group's assignments: a name or an id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        /// <summary>Only the assignments on this project: a name or an id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        /// <summary>Only the assignments on this domain: a name, an id or an object of Get-OSDomain.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        [ValidateNotNull]
        public ResourceReference? Domain { get; set; }

        /// <summary>Only the assignments of this role: a name, an id or an object of Get-OSRole.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Role>))]
        [ValidateNotNull]
        public ResourceReference? Role { get; set; }

        /// <summary>What users really have: a group's assignments as each member's (ViaGroupId names the group), inherited
        /// ones on each project below.</summary>
        [Parameter]
        public SwitchParameter Effective { get; set; }

        /// <summary>Only the inherited assignments (given to the projects below a domain or project).</summary>
        [Parameter]
        public SwitchParameter Inherited { get; set; }

        protected override bool UsesAllDefaultClouds => true;

        protected override void ProcessRecord()
        {
            foreach (var cloud in Role?.Cloud != null ? new[] { Role.Cloud } : TargetClouds())
                Try(Role?.ToString() ?? User ?? Group ?? Project ?? Domain?.ToString() ?? cloud.Name, () => Write(cloud));
        }

        private void Write(CloudConnection cloud)
        {
            RoleAssignmentFilter? filter = null;
            Run(async ct => filter = new RoleAssignmentFilter
            {
                RoleId = Role == null ? null : await Role.IdOnAsync(cloud, Client.Identity.Role.Definition, ct).ConfigureAwait(false),
                UserId = User == null ? null : await cloud.ResolveUserIdAsync(User, ct).ConfigureAwait(false),
                GroupId = Group == null ? null : await cloud.ResolveGroupIdAsync(Group, ct).ConfigureAwait(false),
                ProjectId = Project == null ? null : await cloud.ResolveProjectIdAsync(Project, ct).ConfigureAwait(false),
                DomainId = Domain == null ? null : await Domain.IdOnAsync(cloud, Client.Identity.Domain.Definition, ct).ConfigureAwait(false),
                Inherited = Inherited,
                Effective = Effective,
            });
            RunEach(ct => cloud.ListRoleAssignmentsAsync(filter!, ct), row => WriteTyped(row, TypeNames.RoleAssignment));
        }
    }
}
