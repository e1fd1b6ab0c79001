using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSNetwork: creates a Neutron network (the counterpart of a port group).</summary>
    [Cmdlet(VerbsCommon.New, "OSNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Networking.Network))]
    public sealed class NewOSNetworkCommand : NeutronCreateCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>An external network (router gateways and floating IPs come from it); an administrator's setting.</summary>
        [Parameter]
        public SwitchParameter External { get; set; }

        /// <summary>Usable by every project; an administrator's setting by default policy.</summary>
        [Parameter]
        public SwitchParameter Shared { get; set; }

        [Parameter]
        [ValidateRange(68, 65535)]
        public int Mtu { get; set; }

        /// <summary>Ports of the network get no security groups and no anti-spoofing by default.</summary>
        [Parameter]
        public SwitchParameter DisablePortSecurity { get; set; }

        /// <summary>The project that owns the new network, by name or id (an admin creating for another project).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Name, ct => ResolveOwnerProjectAsync(cloud, Project, ct), $"{Name}{ForProject(Project)} on {cloud.Name}", "Create network"))
                return;
            var request = new NetworkCreateRequest
            {
                Name = Name!,
                Description = Description,
                IsExternal = External ? true : (bool?)null,
                IsShared = Shared ? true : (bool?)null,
                Mtu = IsBound(nameof(Mtu)) ? Mtu : (int?)null,
                PortSecurityEnabled = DisablePortSecurity ? false : (bool?)null,
                ProjectId = OwnerProjectId,
            };
            Act(Name, () => WriteCreated(cloud, Network.Definition, ct => cloud.Network.CreateNetworkAsync(request, ct)));
        }
    }
}
