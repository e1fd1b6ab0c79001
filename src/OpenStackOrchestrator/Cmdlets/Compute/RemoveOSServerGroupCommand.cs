using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSServerGroup: deletes server groups (their servers keep running, no longer bound by the rule).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSServerGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSServerGroupCommand : OSResourceRemoveCmdlet<ServerGroup>
    {
        protected override ResourceDefinition<ServerGroup> Definition => Client.Compute.ServerGroup.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public ResourceReference[]? ServerGroup { get; set; }

        protected override void ProcessRecord() => RemoveEach(ServerGroup!);
    }
}
