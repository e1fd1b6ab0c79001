using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSRouter: deletes routers; Neutron refuses while one has interfaces (Remove-OSRouterInterface first).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSRouterCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(RouterNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Router { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Router!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.RouterIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete router"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeleteRouterAsync(await reference.RouterIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
