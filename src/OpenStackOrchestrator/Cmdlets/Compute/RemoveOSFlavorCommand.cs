using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Remove-OSFlavor: deletes flavors (servers already of that flavor keep running).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFlavor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFlavorCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Flavor { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Flavor!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct), $"{reference} on {cloud.Name}", "Delete flavor"))
                    continue;
                Try(reference.ToString(), () => Run(async ct =>
                {
                    var id = await reference.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false);
                    await cloud.Compute.DeleteFlavorAsync(id, ct).ConfigureAwait(false);
                }));
            }
        }
    }
}
