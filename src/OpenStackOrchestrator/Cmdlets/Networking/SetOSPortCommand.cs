using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Set-OSPort: renames a port or replaces its fixed IPs, security groups or allowed address pairs.</summary>
    [Cmdlet(VerbsCommon.Set, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class SetOSPortCommand : NeutronCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public ResourceReference[]? Port { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Replaces the fixed IPs: "subnet=address", "subnet" or "address" each.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? FixedIP { get; set; }

        /// <summary>Replaces the security groups.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        /// <summary>Removes every security group from the port.</summary>
        [Parameter]
        public SwitchParameter NoSecurityGroup { get; set; }

        /// <summary>Replaces the allowed address pairs (@() removes them all).</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public string[]? AllowedAddressPair { get; set; }

        [Parameter]
        public bool? PortSecurityEnabled { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in Port!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null || !ShouldProcessResolved(reference.ToString(), ct => reference.PortIdAsync(cloud, ct), $"{reference} on {cloud.Name}", "Change port"))
                    continue;
                Act(reference.ToString(), () =>
                {
                    if (SecurityGroup != null && NoSecurityGroup)
                        throw new System.ArgumentException("-SecurityGroup and -NoSecurityGroup contradict each other: give one.");
                    var update = new PortUpdate
                    {
                        Name = Name,
                        Description = Description,
                        PortSecurityEnabled = PortSecurityEnabled,
                        AllowedAddressPairs = AllowedAddressPair == null ? null : NetworkArguments.Each(AllowedAddressPair, NetworkArguments.AddressPair),
                    };
                    WriteTyped(Run(async ct =>
                    {
                        update.SecurityGroupIds = NoSecurityGroup ? new List<string>() : await NewOSPortCommand.SecurityGroupIdsAsync(SecurityGroup, cloud, ct).ConfigureAwait(false);
                        if (FixedIP != null)
                        {
                            update.FixedIPs = new List<FixedIPRequest>();
                            foreach (var text in FixedIP)
                                update.FixedIPs.Add(await NetworkArguments.FixedIPAsync(text, cloud, ct).ConfigureAwait(false));
                        }
                        var id = await reference.PortIdAsync(cloud, ct).ConfigureAwait(false);
                        return await cloud.Network.UpdatePortAsync(id, update, ct).ConfigureAwait(false);
                    }));
                });
            }
        }
    }
}
