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
    /// <summary>Base of Add- and Remove-OSGroupMember: -Group (name, id or object) and -User (names, ids or objects,
    /// also piped); each user is resolved with the group before -WhatIf/-Confirm, then added or removed.</summary>
    public abstract class GroupMemberCmdlet : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Identity.Group.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Group { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<User>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? User { get; set; }

        protected abstract string Action { get; }

        protected abstract Task ChangeAsync(CloudConnection cloud, string groupId, string userId, CancellationToken ct);

        protected override void ProcessRecord()
        {
            foreach (var user in User!)
            {
                // The cloud of the group object, else of the user object (Get-OSUser x | Add-OSGroupMember team).
                var cloud = Group!.Cloud ?? user.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                if (!ShouldProcessResolved(user.ToString(), ct => IdsAsync(cloud, user, ct), $"user {user} and group {Group} on {cloud.Name}", Action))
                    continue;
                Try(user.ToString(), () => Run(async ct =>
                {
                    var (groupId, userId) = await IdsAsync(cloud, user, ct).ConfigureAwait(false);
                    await ChangeAsync(cloud, groupId, userId, ct).ConfigureAwait(false);
                }));
            }
        }

        private async Task<(string GroupId, string UserId)> IdsAsync(CloudConnection cloud, ResourceReference user, CancellationToken ct) =>
            (await Group!.GroupIdAsync(cloud, ct).ConfigureAwait(false), await user.UserIdAsync(cloud, ct).ConfigureAwait(false));
    }
}
