using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSServer: Nova servers, filtered server-side by name pattern, status, image and flavor; an admin's
    /// -Hypervisor (or a hypervisor piped in, as Get-VMHost | Get-VM) gives the servers of every project on that hypervisor.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServer", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Server))]
    public sealed class GetOSServerCommand : OSTaggedResourceGetCmdlet<Server>
    {
        protected override ResourceDefinition<Server> Definition => Server.Definition;

        [Parameter(ParameterSetName = "Name")]
        [ValidateSet("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PASSWORD", "PAUSED", "REBOOT",
            "REBUILD", "RESCUE", "RESIZE", "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED",
            "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE")]
        public string? Status { get; set; }

        /// <summary>Only servers booted from this image (name, id or object; filtered server-side).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public ResourceReference? Image { get; set; }

        /// <summary>Only servers of this flavor (name, id or object; filtered server-side).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public ResourceReference? Flavor { get; set; }

        /// <summary>Servers of every project (admin only).</summary>
        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter AllProjects { get; set; }

        /// <summary>Only the servers on this hypervisor (name, id or object from Get-OSHypervisor), of every project (admin only).</summary>
        [Parameter(ParameterSetName = "Name")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<Client.Compute.Hypervisor>))]
        public ResourceReference? Hypervisor { get; set; }

        // A hypervisor from the pipeline is the -Hypervisor filter, not an item for the base to take.
        private ResourceReference? _pipedHypervisor;
        private ResourceReference? HypervisorFilter => _pipedHypervisor ?? Hypervisor;

        protected override PSObject? Input => InputObject?.BaseObject is Client.Compute.Hypervisor ? null : InputObject;

        protected override void ProcessRecord()
        {
            _pipedHypervisor = null;
            if (InputObject?.BaseObject is Client.Compute.Hypervisor piped)
            {
                if (Hypervisor != null)
                {
                    WriteError(new ErrorRecord(new System.ArgumentException("A hypervisor came from the pipeline and -Hypervisor was given too: give one of them."),
                        "InvalidPipelineInput", ErrorCategory.InvalidArgument, InputObject));
                    return;
                }
                _pipedHypervisor = new ResourceReference(piped.Id, piped.Name, piped.Cloud, "hypervisor");
            }
            InCloud(HypervisorFilter?.Cloud, base.ProcessRecord);
        }

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Status", Status?.ToUpperInvariant()).Filter("AllProjects", AllProjects || HypervisorFilter != null ? "True" : null);
            return true;
        }

        /// <summary>The image and flavor are resolved on each cloud, then the list is asked for their ids.</summary>
        protected override async IAsyncEnumerable<Server> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (Image != null)
                query.Filter("ImageId", await Image.IdOnAsync(cloud, Client.Images.Image.Definition, cancellationToken).ConfigureAwait(false));
            if (Flavor != null)
                query.Filter("FlavorId", await Flavor.IdOnAsync(cloud, Client.Compute.Flavor.Definition, cancellationToken).ConfigureAwait(false));
            if (HypervisorFilter is { } hypervisor)
                query.Filter("Node", "^" + System.Text.RegularExpressions.Regex.Escape(await HypervisorNameAsync(cloud, hypervisor, cancellationToken).ConfigureAwait(false)) + "$");
            await foreach (var server in base.ListAsync(cloud, query, cancellationToken).ConfigureAwait(false))
                yield return server;
        }

        /// <summary>Nova filters servers by the hypervisor's hypervisor_hostname (as a regular expression, hence anchored above):
        /// an object's own name, else the one the text resolves to.</summary>
        private static async Task<string> HypervisorNameAsync(CloudConnection cloud, ResourceReference hypervisor, CancellationToken cancellationToken)
        {
            var mine = hypervisor.On(cloud);
            if (mine.Id != null && mine.Name != null && (mine.Cloud == null || ReferenceEquals(mine.Cloud, cloud)))
                return mine.Name;
            return (await cloud.ResolveResourceAsync(Client.Compute.Hypervisor.Definition, mine.Name ?? mine.Text, cancellationToken).ConfigureAwait(false)).Name;
        }
    }
}
