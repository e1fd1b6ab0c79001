using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>New-OSSubnet: adds an address range to a network, with its gateway (or none), DHCP, DNS servers,
    /// allocation pools and IPv6 modes.</summary>
    [Cmdlet(VerbsCommon.New, "OSSubnet", DefaultParameterSetName = GatewaySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Subnet))]
    public sealed class NewOSSubnetCommand : NeutronCreateCmdlet
    {
        private const string GatewaySet = "Gateway";
        private const string NoGatewaySet = "NoGateway";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Network { get; set; }

        /// <summary>The range, e.g. 10.0.0.0/24 or fd00:1::/64 (the IP version follows from it).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Cidr { get; set; }

        /// <summary>The gateway address; without it, the first address of the range.</summary>
        [Parameter(ParameterSetName = GatewaySet)]
        [ValidateNotNullOrEmpty]
        public string? Gateway { get; set; }

        [Parameter(ParameterSetName = NoGatewaySet, Mandatory = true)]
        public SwitchParameter NoGateway { get; set; }

        [Parameter]
        public SwitchParameter DisableDhcp { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DnsServer { get; set; }

        /// <summary>Ranges Neutron may allocate from, each "first-last".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AllocationPool { get; set; }

        [Parameter]
        [ValidateSet("slaac", "dhcpv6-stateful", "dhcpv6-stateless")]
        public string? IPv6AddressMode { get; set; }

        [Parameter]
        [ValidateSet("slaac", "dhcpv6-stateful", "dhcpv6-stateless")]
        public string? IPv6RAMode { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The project that owns the new subnet, by name or id (an admin creating for another project).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = Network!.Cloud ?? TargetCloud();
            if (cloud == null || !ShouldProcessResolved(Name, async ct =>
                {
                    await Network!.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    await ResolveOwnerProjectAsync(cloud, Project, ct).ConfigureAwait(false);
                }, $"{Name} ({Cidr}) on network {Network}{ForProject(Project)} on {cloud.Name}", "Create subnet"))
                return;
            Act(Name, () =>
            {
                var request = new SubnetCreateRequest
                {
                    Name = Name!,
                    Cidr = Cidr!,
                    IPVersion = Cidr!.Contains(":") ? 6 : 4,
                    GatewayIP = Gateway,
                    NoGateway = NoGateway,
                    DhcpEnabled = !DisableDhcp,
                    IPv6AddressMode = IPv6AddressMode,
                    IPv6RAMode = IPv6RAMode,
                    Description = Description,
                    ProjectId = OwnerProjectId,
                };
                foreach (var server in DnsServer ?? new string[0])
                    request.DnsServers.Add(server);
                foreach (var pool in NetworkArguments.Each(AllocationPool, NetworkArguments.AllocationPool))
                    request.AllocationPools.Add(pool);
                WriteCreated(cloud, Subnet.Definition, async ct =>
                {
                    request.NetworkId = await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
                    return await cloud.Network.CreateSubnetAsync(request, ct).ConfigureAwait(false);
                });
            });
        }
    }
}
