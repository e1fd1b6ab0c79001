using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Get-OSSubnet: Neutron subnets by name (wildcards) or id, optionally of one network (given, or piped in:
    /// Get-OSNetwork app | Get-OSSubnet).</summary>
    [Cmdlet(VerbsCommon.Get, "OSSubnet", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Client.Networking.Subnet))]
    public sealed class GetOSSubnetCommand : OSTaggedResourceGetCmdlet<Client.Networking.Subnet>
    {
        private static readonly FilterReferenceTransformationAttribute NetworkReference = new FilterReferenceTransformationAttribute(typeof(Client.Networking.Network));

        protected override ResourceDefinition<Client.Networking.Subnet> Definition => Client.Networking.Subnet.Definition;

        /// <summary>Only the subnets of this network (name, id or object; filtered server-side).</summary>
        [Parameter(ParameterSetName = "Name")]
        [FilterReferenceTransformation(typeof(Client.Networking.Network))]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference? Network { get; set; }

        protected override bool Filter(ListQuery query)
        {
            if (Network == null || !query.Filters.ContainsKey("NetworkId"))
                return true;
            RefuseNetworkTwice();
            return false;
        }

        private void RefuseNetworkTwice() =>
            WriteError(new ErrorRecord(new ArgumentException("A network came from the pipeline and -Network was given too: give one of them."),
                "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));

        protected override void ProcessRecord()
        {
            var input = InputObject;
            if (input == null || input.BaseObject is Client.Networking.Subnet || input.BaseObject is Client.Networking.Network)
            {
                InCloud((input == null ? Network : null)?.Cloud, base.ProcessRecord);
                return;
            }
            // Anything else piped in (a name, an id, an object with an Id) names a network, as it did before the
            // pipeline took subnets too.
            if (Network != null)
            {
                RefuseNetworkTwice();
                return;
            }
            ResourceReference piped;
            try
            {
                piped = (ResourceReference)NetworkReference.Transform(null!, input);
            }
            catch (ArgumentTransformationMetadataException ex)
            {
                WriteError(new ErrorRecord(ex, "ParameterArgumentTransformationError", ErrorCategory.InvalidData, input));
                return;
            }
            Network = piped;
            InputObject = null;
            try
            {
                InCloud(piped?.Cloud, base.ProcessRecord);
            }
            finally
            {
                Network = null;
                InputObject = input;
            }
        }

        protected override async IAsyncEnumerable<Client.Networking.Subnet> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Network != null)
                query.Filter("NetworkId", await Network.NetworkIdAsync(cloud, ct).ConfigureAwait(false));
            await foreach (var subnet in base.ListAsync(cloud, query, ct).ConfigureAwait(false))
                yield return subnet;
        }

    }
}
