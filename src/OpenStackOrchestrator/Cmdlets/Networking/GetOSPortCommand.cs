using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Network;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSPort: Neutron ports by name (wildcards) or id, filtered server-side by network, server or address.</summary>
    [Cmdlet(VerbsCommon.Get, "OSPort", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Port))]
    public sealed class GetOSPortCommand : NeutronGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only the ports of this network.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        /// <summary>Only the ports of this server (its NICs).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? Server { get; set; }

        /// <summary>Only the ports with this fixed IP address.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? IPAddress { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Port, (cloud, id, ct) => cloud.Network.GetPortAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var exact = filter.SingleExactName;
            InCloudOf(Server ?? Network, () => WriteMatches("port", TypeNames.Port, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => ListAsync(cloud, new PortListOptions { Name = exact, IPAddress = IPAddress, Limit = limit }, ct), port => port.Name));
        }

        private async IAsyncEnumerable<Port> ListAsync(CloudConnection cloud, PortListOptions options, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                options.NetworkId = await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            if (Server != null)
                options.DeviceId = await Server.ServerIdAsync(cloud, ct).ConfigureAwait(false);
            await foreach (var port in cloud.Network.ListPortsAsync(options, ct).ConfigureAwait(false))
                yield return port;
        }
    }
}
