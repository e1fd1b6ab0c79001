using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resolution;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSFloatingIP: floating IPs by address (wildcards) or id, or those of a server or an external network.
    /// A floating IP's name is its address (-Address gives the names); servers, not floating IPs, come from the pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "OSFloatingIP", DefaultParameterSetName = "Address", SupportsPaging = true)]
    [OutputType(typeof(FloatingIP))]
    public sealed class GetOSFloatingIPCommand : OSResourceQueryCmdlet<FloatingIP>
    {
        protected override ResourceDefinition<FloatingIP> Definition => FloatingIP.Definition;

        [Parameter(ParameterSetName = "Address", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(FloatingIPAddressCompleter))]
        public string[]? Address { get; set; }

        protected override string[]? Names => Address;

        /// <summary>Only the floating IPs associated with this server's ports.</summary>
        [Parameter(ParameterSetName = "Address", ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Compute.Server))]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? VM { get; set; }

        /// <summary>Only the floating IPs of this external network.</summary>
        [Parameter(ParameterSetName = "Address")]
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        /// <summary>Only the floating IPs that have all of these tags.</summary>
        [Parameter(ParameterSetName = "Address")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? Tag { get; set; }

        /// <summary>Only the floating IPs that have at least one of these tags.</summary>
        [Parameter(ParameterSetName = "Address")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? TagAny { get; set; }

        /// <summary>Only the floating IPs that have none of these tags.</summary>
        [Parameter(ParameterSetName = "Address")]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? ExcludeTag { get; set; }

        protected override TagFilter? TagFilter => new TagFilter(Tag, TagAny, ExcludeTag);

        protected override void ProcessRecord() => InCloud((VM ?? Network)?.Cloud, base.ProcessRecord);

        protected override async IAsyncEnumerable<FloatingIP> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                query.Filter("FloatingNetworkId", await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false));
            if (VM == null)
            {
                await foreach (var ip in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                    yield return ip;
                yield break;
            }
            var serverId = await VM.ServerIdAsync(cloud, ct).ConfigureAwait(false);
            var ports = await NameResolver.ToListAsync(cloud.Network.ListPortsAsync(new PortListOptions { DeviceId = serverId }, ct)).ConfigureAwait(false);
            foreach (var port in ports.OrderBy(p => p.Id))
            {
                query.Filter("PortId", port.Id);
                await foreach (var ip in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                    yield return ip;
            }
        }
    }
}
