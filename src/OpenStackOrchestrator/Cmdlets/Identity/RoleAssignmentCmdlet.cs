using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Base of Add- and Remove-OSRoleAssignment: -Role, -User or -Group, -Project or -Domain, -Inherited (one
    /// parameter set per principal and scope), resolved before ShouldProcess so -WhatIf reports what the real run would.</summary>
    public abstract class RoleAssignmentCmdlet : OSCloudCmdlet
    {
        protected const string UserProject = "UserProject";
        protected const string UserDomain = "UserDomain";
        protected const string GroupProject = "GroupProject";
        protected const string GroupDomain = "GroupDomain";

        /// <summary>The role: a name, an id or an object of Get-OSRole.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserProject)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserDomain)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = GroupProject)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = GroupDomain)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Role>))]
        [ValidateNotNull]
        public ResourceReference? Role { get; set; }

        /// <summary>The user: a name or an id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UserProject)]
        [Parameter(Mandatory = true, ParameterSetName = UserDomain)]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>The group: a name or an id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GroupProject)]
        [Parameter(Mandatory = true, ParameterSetName = GroupDomain)]
        [ValidateNotNullOrEmpty]
        public string? Group { get; set; }

        /// <summary>The project: a name or an id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UserProject)]
        [Parameter(Mandatory = true, ParameterSetName = GroupProject)]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        /// <summary>The domain: a name, an id or an object of Get-OSDomain.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UserDomain)]
        [Parameter(Mandatory = true, ParameterSetName = GroupDomain)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Domain>))]
        [ValidateNotNull]
        public ResourceReference? Domain { get; set; }

        /// <summary>The role on every project below the domain or project (now and later), not on the domain or project itself.</summary>
        [Parameter(ParameterSetName = UserProject)]
        [Parameter(ParameterSetName = UserDomain)]
        [Parameter(ParameterSetName = GroupProject)]
        [Parameter(ParameterSetName = GroupDomain)]
        public SwitchParameter Inherited { get; set; }

        /// <summary>What the parameters name, in words: "role 'member' for user 'alice' on project 'web'".</summary>
        protected string Described => $"role '{Role}' for {(User != null ? $"user '{User}'" : $"group '{Group}'")} on " +
            (Project != null ? $"project '{Project}'" : $"domain '{Domain}'") + (Inherited ? " (inherited by the projects below it)" : "");

        /// <summary>The given names and ids resolved on <paramref name="cloud"/>.</summary>
        protected async Task<RoleAssignmentTarget> ResolveAsync(CloudConnection cloud, CancellationToken ct) => new RoleAssignmentTarget
        {
            RoleId = await Role!.IdOnAsync(cloud, Client.Identity.Role.Definition, ct).ConfigureAwait(false),
            UserId = User == null ? null : await cloud.ResolveUserIdAsync(User, ct).ConfigureAwait(false),
            GroupId = Group == null ? null : await cloud.ResolveGroupIdAsync(Group, ct).ConfigureAwait(false),
            ProjectId = Project == null ? null : await cloud.ResolveProjectIdAsync(Project, ct).ConfigureAwait(false),
            DomainId = Domain == null ? null : await Domain.IdOnAsync(cloud, Client.Identity.Domain.Definition, ct).ConfigureAwait(false),
            Inherited = Inherited,
        };

        /// <summary>Resolves, asks ShouldProcess with <paramref name="action"/>, then runs <paramref name="act"/> on the target
        /// (on the pipeline thread: it may write).</summary>
        protected void Change(string action, System.Action<CloudConnection, RoleAssignmentTarget> act)
        {
            var cloud = Role!.Cloud ?? TargetCloud();
            if (cloud == null)
                return;
            RoleAssignmentTarget? target = null;
            if (!ShouldProcessResolved(Described, async ct => target = await ResolveAsync(cloud, ct).ConfigureAwait(false), $"{Described} on {cloud.Name}", action))
                return;
            Try(Described, () => act(cloud, target!));
        }
    }
}
