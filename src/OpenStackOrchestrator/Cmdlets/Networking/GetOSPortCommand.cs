using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSPort: Neutron ports by name (wildcards) or id, filtered server-side by network, server or address;
    /// networks, routers and servers piped in are filters too (Get-OSNetwork app | Get-OSPort).</summary>
    [Cmdlet(VerbsCommon.Get, "OSPort", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Port))]
    public sealed class GetOSPortCommand : OSTaggedResourceGetCmdlet<Port>
    {
        protected override ResourceDefinition<Port> Definition => Port.Definition;

        /// <summary>Only the ports of this network.</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        /// <summary>Only the ports of this server (its NICs).</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Client.Compute.Server))]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public ResourceReference? VM { get; set; }

        /// <summary>Only the ports with this fixed IP address.</summary>
        [Parameter(ParameterSetName = "Name")]
        [ValidateNotNullOrEmpty]
        public string? IPAddress { get; set; }

        protected override bool Filter(ListQuery query)
        {
            if ((Network != null && query.Filters.ContainsKey("NetworkId")) || (VM != null && query.Filters.ContainsKey("DeviceId")))
            {
                WriteError(new ErrorRecord(new System.ArgumentException(
                    $"A {(Network != null ? "network" : "server")} came from the pipeline and -{(Network != null ? "Network" : "VM")} was given too: give one of them."),
                    "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));
                return false;
            }
            query.Filter("FixedIP", IPAddress == null ? null : "ip_address=" + IPAddress);
            return true;
        }

        protected override void ProcessRecord()
        {
            // A -VM/-Network object is read in its own cloud; a piped object's cloud is the base's to choose.
            InCloud(InputObject == null ? (VM ?? Network)?.Cloud : null, base.ProcessRecord);
        }

        protected override async IAsyncEnumerable<Port> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                query.Filter("NetworkId", await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false));
            if (VM != null)
                query.Filter("DeviceId", await VM.ServerIdAsync(cloud, ct).ConfigureAwait(false));
            await foreach (var port in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return port;
        }
    }
}
