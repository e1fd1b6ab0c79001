using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>Remove-OSDatabaseInstance: deletes Trove instances (Trove then deletes their server, volume and ports).
    /// Trove refuses to delete an instance in BUILD: -Force resets its status first (the owner's force delete).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSDatabaseInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSDatabaseInstanceCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => DatabaseInstance.Definition;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<DatabaseInstance>))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Instance { get; set; }

        /// <summary>Reset the instance's status first, so that one stuck in BUILD (no guest agent reported) is deleted too.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Instance!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                string? id = null;
                if (!ShouldProcessResolved(reference, async ct => id = await reference.IdOnAsync(cloud, DatabaseInstance.Definition, ct).ConfigureAwait(false),
                        $"{reference} on {cloud.Name}", Force ? "Reset status and delete database instance" : "Delete database instance"))
                    continue;
                Try(reference, () => Run(ct => TroveClient.DeleteInstanceAsync(cloud, id!, Force, ct)));
            }
        }
    }
}
