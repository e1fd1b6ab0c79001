using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSNetwork: Neutron networks by name (wildcards) or id, optionally only external or shared ones.</summary>
    [Cmdlet(VerbsCommon.Get, "OSNetwork", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Client.Networking.Network))]
    public sealed class GetOSNetworkCommand : OSTaggedResourceGetCmdlet<Client.Networking.Network>
    {
        protected override ResourceDefinition<Client.Networking.Network> Definition => Client.Networking.Network.Definition;

        /// <summary>Only external networks (-External:$false: only the others); filtered server-side.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter External { get; set; }

        /// <summary>Only shared networks (-Shared:$false: only the others); filtered server-side.</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Shared { get; set; }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("IsExternal", Flag(nameof(External), External));
            query.Filter("IsShared", Flag(nameof(Shared), Shared));
            return true;
        }

        private string? Flag(string parameter, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(parameter) ? (value.IsPresent ? "true" : "false") : null;
    }
}
