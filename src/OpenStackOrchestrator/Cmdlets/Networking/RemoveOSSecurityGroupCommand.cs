using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSSecurityGroup: deletes security groups with their rules; Neutron refuses while ports use one.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSecurityGroupCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in SecurityGroup!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.SecurityGroupIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete security group"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeleteSecurityGroupAsync(await reference.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
