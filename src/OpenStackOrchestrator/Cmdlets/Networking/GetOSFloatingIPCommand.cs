using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSFloatingIP: floating IPs by address (wildcards) or id, or those of a server or an external network.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFloatingIP", DefaultParameterSetName = "Address", SupportsPaging = true)]
    [OutputType(typeof(FloatingIP))]
    public sealed class GetOSFloatingIPCommand : NeutronGetCmdlet
    {
        [Parameter(ParameterSetName = "Address", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FloatingIPAddressCompleter))]
        public string[]? Address { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only the floating IPs associated with this server's ports.</summary>
        [Parameter(ParameterSetName = "Address", ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Compute.Server))]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? Server { get; set; }

        /// <summary>Only the floating IPs of this external network.</summary>
        [Parameter(ParameterSetName = "Address")]
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.FloatingIP, (cloud, id, ct) => cloud.Network.GetFloatingIPAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Address);
            var exact = filter.SingleExactName;
            InCloudOf(Server ?? Network, () => WriteMatches("floating IP", TypeNames.FloatingIP, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => ListAsync(cloud, new FloatingIPListOptions { Address = exact, Limit = limit }, ct), ip => ip.Address));
        }

        private async IAsyncEnumerable<FloatingIP> ListAsync(CloudConnection cloud, FloatingIPListOptions options, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                options.FloatingNetworkId = await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            if (Server == null)
            {
                await foreach (var ip in cloud.Network.ListFloatingIPsAsync(options, ct).ConfigureAwait(false))
                    yield return ip;
                yield break;
            }
            var serverId = await Server.ServerIdAsync(cloud, ct).ConfigureAwait(false);
            var ports = await NameResolver.ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { DeviceId = serverId }, ct)).ConfigureAwait(false);
            foreach (var port in ports.OrderBy(p => p.Id))
            {
                options.PortId = port.Id;
                await foreach (var ip in cloud.Network.ListFloatingIPsAsync(options, ct).ConfigureAwait(false))
                    yield return ip;
            }
        }
    }
}
