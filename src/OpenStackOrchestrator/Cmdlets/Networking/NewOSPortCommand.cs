using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSPort: creates a port (a NIC not yet attached) on a network, with fixed IPs, security groups and
    /// allowed address pairs; attach it with Add-OSServerInterface -Port.</summary>
    [Cmdlet(VerbsCommon.New, "OSPort", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port))]
    public sealed class NewOSPortCommand : NeutronCreateCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Network { get; set; }

        /// <summary>"subnet=address", "subnet" or "address" per fixed IP (the subnet by name or id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? FixedIP { get; set; }

        /// <summary>The port's security groups; without it, the project's default group.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? SecurityGroup { get; set; }

        [Parameter]
        public SwitchParameter NoSecurityGroup { get; set; }

        /// <summary>Extra addresses the port may use, each "address", "cidr", or either "=mac".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AllowedAddressPair { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MacAddress { get; set; }

        [Parameter]
        public SwitchParameter DisablePortSecurity { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = Network!.Cloud ?? TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Name ?? Network.ToString(), ct => Network!.NetworkIdAsync(cloud, ct), $"{Name ?? "port"} on network {Network} on {cloud.Name}", "Create port"))
                return;
            Act(Name ?? Network.ToString(), () =>
            {
                if (SecurityGroup != null && NoSecurityGroup)
                    throw new System.ArgumentException("-SecurityGroup and -NoSecurityGroup contradict each other: give one.");
                var pairs = AllowedAddressPair == null ? null : NetworkArguments.Each(AllowedAddressPair, NetworkArguments.AddressPair);
                WriteCreated(cloud, Port.Definition, async ct =>
                {
                    var request = new PortCreateRequest
                    {
                        Name = Name,
                        Description = Description,
                        MacAddress = MacAddress,
                        AllowedAddressPairs = pairs,
                        PortSecurityEnabled = DisablePortSecurity ? false : (bool?)null,
                        NetworkId = await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false),
                        SecurityGroupIds = NoSecurityGroup ? new List<string>() : await SecurityGroupIdsAsync(SecurityGroup, cloud, ct).ConfigureAwait(false),
                    };
                    foreach (var text in FixedIP ?? new string[0])
                        request.FixedIPs.Add(await NetworkArguments.FixedIPAsync(text, cloud, ct).ConfigureAwait(false));
                    return await cloud.Network.CreatePortAsync(request, ct).ConfigureAwait(false);
                });
            });
        }

        internal static async Task<IList<string>?> SecurityGroupIdsAsync(ResourceReference[]? groups, CloudConnection cloud, CancellationToken ct)
        {
            if (groups == null)
                return null;
            var ids = new List<string>();
            foreach (var group in groups)
                ids.Add(await group.SecurityGroupIdAsync(cloud, ct).ConfigureAwait(false));
            return ids;
        }
    }
}
