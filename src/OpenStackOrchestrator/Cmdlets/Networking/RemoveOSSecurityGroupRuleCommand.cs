using System.Management.Automation;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Remove-OSSecurityGroupRule: deletes rules given as objects (Get-OSSecurityGroupRule) or ids.</summary>
    [Cmdlet(VerbsCommon.Remove, "OSSecurityGroupRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveOSSecurityGroupRuleCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Id")]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SecurityGroupRuleIdCompleter))]
        public ResourceReference[]? SecurityGroupRule { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in SecurityGroupRule!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.SecurityGroupRuleIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Delete security group rule"))
                    continue;
                Act(reference.ToString(), () => Run(async ct =>
                    await cloud.Network.DeleteSecurityGroupRuleAsync(await reference.SecurityGroupRuleIdAsync(cloud, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
        }
    }
}
