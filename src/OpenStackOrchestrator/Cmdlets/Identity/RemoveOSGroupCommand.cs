using System.Management.Automation;
using OpenStackOrchestrator.Client.Identity;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Identity
{
    /// <summary>Remove-OSGroup: deletes Keystone groups (the users stay; the roles they had through the group go).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSGroupCommand : OSResourceRemoveCmdlet<Group>
    {
        protected override ResourceDefinition<Group> Definition => Client.Identity.Group.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? Group { get; set; }

        protected override void ProcessRecord() => RemoveEach(Group!);
    }
}
