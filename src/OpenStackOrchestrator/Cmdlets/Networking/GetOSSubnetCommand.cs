using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSubnet: Neutron subnets by name (wildcards) or id, optionally of one network.</summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnet", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Subnet))]
    public sealed class GetOSSubnetCommand : NeutronGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SubnetNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only the subnets of this network (name, id or object; filtered server-side).</summary>
        [Parameter(ParameterSetName = "Name", ValueFromPipeline = true)]
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Subnet, (cloud, id, ct) => cloud.Network.GetSubnetAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            var exact = filter.SingleExactName;
            InCloudOf(Network, () => WriteMatches("subnet", TypeNames.Subnet, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => ListAsync(cloud, new SubnetListOptions { Name = exact, Limit = limit }, ct), subnet => subnet.Name));
        }

        private async IAsyncEnumerable<Subnet> ListAsync(CloudConnection cloud, SubnetListOptions options, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                options.NetworkId = await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            await foreach (var subnet in cloud.Network.ListSubnetsAsync(options, ct).ConfigureAwait(false))
                yield return subnet;
        }
    }
}
