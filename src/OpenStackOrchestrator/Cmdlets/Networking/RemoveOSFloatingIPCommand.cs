using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSFloatingIP: takes floating IPs off their servers (disassociates); with -Release, gives them back
    /// to the external network's pool.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSFloatingIP", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSFloatingIPCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FloatingIPAddressCompleter))]
        public ResourceReference[]? FloatingIP { get; set; }

        /// <summary>Release the addresses too (the project no longer holds them).</summary>
        [Parameter]
        public SwitchParameter Release { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in FloatingIP!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.FloatingIPIdAsync(cloud, ct), $"{reference} on {cloud.Name}", Release ? "Release floating IP" : "Disassociate floating IP"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                {
                    var id = await reference.FloatingIPIdAsync(cloud, ct).ConfigureAwait(false);
                    if (Release)
                        await cloud.Network.DeleteFloatingIPAsync(id, ct).ConfigureAwait(false);
                    else
                        await cloud.Network.AssociateFloatingIPAsync(id, null, null, ct).ConfigureAwait(false);
                }));
            }
        }
    }
}
