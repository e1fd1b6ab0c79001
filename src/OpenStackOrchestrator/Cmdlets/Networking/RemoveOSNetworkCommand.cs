using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSNetwork: deletes networks with their subnets; Neutron refuses while ports use one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSNetworkCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Network { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Network!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.NetworkIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete network"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeleteNetworkAsync(await reference.NetworkIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
