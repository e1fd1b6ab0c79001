using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSSecurityGroup: creates a security group (Neutron adds rules that let everything out).</summary>
    [Cmdlet(VerbsCommon.New, "OSSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecurityGroup))]
    public sealed class NewOSSecurityGroupCommand : NeutronCreateCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} on {cloud.Name}", "Create security group"))
                return;
            Act(Name, () => WriteCreated(cloud, SecurityGroup.Definition, ct => cloud.Network.CreateSecurityGroupAsync(Name!, Description, ct)));
        }
    }
}
