using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSPort: Neutron ports by name (wildcards) or id, filtered server-side by network, server or address;
    /// networks, routers and servers piped in are filters too (Get-OSNetwork app | Get-OSPort).</summary>
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
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        /// <summary>Only the ports of this server (its NICs).</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Client.Compute.Server))]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? Server { get; set; }

        /// <summary>Only the ports with this fixed IP address.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? IPAddress { get; set; }

        /// <summary>A network, router or server from the pipeline, whose ports to get. PowerShell cannot bind these by
        /// property (a network has no NetworkId) nor by type to -Network/-Server (both take any object), so the kind of
        /// object is read here.</summary>
        [Parameter(ParameterSetName = "Name", ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Port, (cloud, id, ct) => cloud.Network.GetPortAsync(id, ct));
                return;
            }
            var network = Network;
            var server = Server;
            ResourceReference? router = null;
            if (InputObject != null && !TakeInput(ref network, ref server, ref router))
                return;
            var filter = new NameFilter(Name);
            var exact = filter.SingleExactName;
            InCloudOf(server ?? router ?? network, () => WriteMatches("port", TypeNames.Port, filter, filteredClientSide: !filter.IsEmpty && exact == null,
                (cloud, limit, ct) => ListAsync(cloud, network, server, router, new PortListOptions { Name = exact, IPAddress = IPAddress, Limit = limit }, ct),
                port => port.Name));
        }

        /// <summary>Makes the piped object the filter of its kind; false (with an error) for any other object, or for a
        /// kind whose parameter was also given.</summary>
        private bool TakeInput(ref ResourceReference? network, ref ResourceReference? server, ref ResourceReference? router)
        {
            var given = InputObject!.BaseObject;
            switch (given)
            {
                case Client.Networking.Network n when Network == null:
                    network = new ResourceReference(n.Id, n.Name, n.Cloud);
                    return true;
                case Server s when Server == null:
                    server = new ResourceReference(s.Id, s.Name, s.Cloud);
                    return true;
                case Router r when Server == null:
                    router = new ResourceReference(r.Id, r.Name, r.Cloud);
                    return true;
                case Client.Networking.Network _:
                case Server _:
                case Router _:
                    return Refuse($"A {given.GetType().Name.ToLowerInvariant()} came from the pipeline and -{(given is Client.Networking.Network ? "Network" : "Server")} was given too: " +
                        "give one of them.");
                default:
                    var kind = given is PSCustomObject ? InputObject.TypeNames[0] : given.GetType().Name;
                    return Refuse($"Get-OSPort takes networks, routers and servers from the pipeline (Get-OSNetwork app | Get-OSPort), not {kind} '{given}'. " +
                        "Give a port's name with -Name, or its id with -Id.");
            }
        }

        private bool Refuse(string message)
        {
            WriteError(new ErrorRecord(new System.ArgumentException(message), "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));
            return false;
        }

        private static async IAsyncEnumerable<Port> ListAsync(CloudConnection cloud, ResourceReference? network, ResourceReference? server, ResourceReference? router,
            PortListOptions options, [EnumeratorCancellation] CancellationToken ct)
        {
            if (network != null)
                options.NetworkId = await network.NetworkIdAsync(cloud, ct).ConfigureAwait(false);
            if (server != null)
                options.DeviceId = await server.ServerIdAsync(cloud, ct).ConfigureAwait(false);
            if (router != null)
                options.DeviceId = await router.RouterIdAsync(cloud, ct).ConfigureAwait(false);
            await foreach (var port in cloud.Network.ListPortsAsync(options, ct).ConfigureAwait(false))
                yield return port;
        }
    }
}
