using System.Management.Automation;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSNetwork: Neutron networks by name (wildcards) or id, optionally only external or shared ones.</summary>
    [Cmdlet(VerbsCommon.Get, "OSNetwork", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Client.Networking.Network))]
    public sealed class GetOSNetworkCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only external networks (-External:$false: only the others); filtered server-side.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter External { get; set; }

        /// <summary>Only shared networks (-Shared:$false: only the others); filtered server-side.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Shared { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Network, (cloud, id, ct) => cloud.Network.GetNetworkAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var options = new NetworkListOptions
            {
                Name = filter.SingleExactName,
                IsExternal = MyInvocation.BoundParameters.ContainsKey(nameof(External)) ? External.IsPresent : (bool?)null,
                IsShared = MyInvocation.BoundParameters.ContainsKey(nameof(Shared)) ? Shared.IsPresent : (bool?)null,
            };
            WriteMatches("network", TypeNames.Network, filter, filteredClientSide: !filter.IsEmpty && options.Name == null,
                (cloud, limit, ct) => cloud.Network.ListNetworksAsync(new NetworkListOptions { Name = options.Name, IsExternal = options.IsExternal, IsShared = options.IsShared, Limit = limit }, ct),
                network => network.Name);
        }
    }
}
