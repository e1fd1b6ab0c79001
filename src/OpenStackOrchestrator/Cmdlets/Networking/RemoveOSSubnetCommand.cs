using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSSubnet: deletes subnets; Neutron refuses while ports have addresses on one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSubnet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSubnetCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Subnet { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Subnet!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.SubnetIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete subnet"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeleteSubnetAsync(await reference.SubnetIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
