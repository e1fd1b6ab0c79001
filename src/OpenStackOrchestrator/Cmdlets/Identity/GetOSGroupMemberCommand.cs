using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Get-OSGroupMember: the users of Keystone groups (GET /groups/{group}/users), as users.</summary>
    [Cmdlet(VerbsCommon.Get, "OSGroupMember")]
    [OutputType(typeof(User))]
    public sealed class GetOSGroupMemberCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => Client.Identity.Group.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Group { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var group in Group!)
            {
                var cloud = group.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(group.ToString(), () => RunEach(ct => MembersAsync(cloud, group, ct), user => WriteTyped(user, User.Definition.TypeName)));
            }
        }

        private static async IAsyncEnumerable<User> MembersAsync(CloudConnection cloud, ResourceReference group, [EnumeratorCancellation] CancellationToken ct)
        {
            var id = await group.GroupIdAsync(cloud, ct).ConfigureAwait(false);
            await foreach (var user in Client.Identity.Group.ListMembersAsync(cloud, id, new ListQuery(), ct).ConfigureAwait(false))
                yield return user;
        }
    }
}
