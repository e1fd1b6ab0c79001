using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Add-OSGroupMember: makes users members of a Keystone group (PUT /groups/{group}/users/{user}); a member
    /// already is no error. The roles of the group are theirs from their next token on.</summary>
    [Cmdlet(VerbsCommon.Add, "OSGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class AddOSGroupMemberCommand : GroupMemberCmdlet
    {
        protected override string Action => "Add user to group";

        protected override Task ChangeAsync(CloudConnection cloud, string groupId, string userId, CancellationToken ct) =>
            Client.Identity.Group.AddMemberAsync(cloud, groupId, userId, ct);
    }
}
