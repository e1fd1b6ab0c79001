using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSUser: deletes Keystone users (their role assignments, group memberships and application
    /// credentials go with them).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSUserCommand : OSResourceRemoveCmdlet<User>
    {
        protected override ResourceDefinition<User> Definition => Client.Identity.User.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? User { get; set; }

        protected override void ProcessRecord() => RemoveEach(User!);
    }
}
