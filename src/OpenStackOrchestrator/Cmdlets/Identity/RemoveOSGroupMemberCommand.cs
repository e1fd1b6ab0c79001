using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSGroupMember: takes users out of a Keystone group (DELETE /groups/{group}/users/{user}); a user
    /// who is no member is an ObjectNotFound error. The users lose the group's roles with their next token.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSGroupMemberCommand : GroupMemberCmdlet
    {
        protected override string Action => "Remove user from group";

        protected override Task ChangeAsync(CloudConnection cloud, string groupId, string userId, CancellationToken ct) =>
            Client.Identity.Group.RemoveMemberAsync(cloud, groupId, userId, ct);
    }
}
