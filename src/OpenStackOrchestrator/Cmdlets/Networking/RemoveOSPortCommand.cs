using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSPort: deletes ports (a server's port is detached from it by the deletion).</summary>
    [Cmdlet(VerbsCommon.Remove, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSPortCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference[]? Port { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Port!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.PortIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete port"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeletePortAsync(await reference.PortIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
