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
    /// <summary>Get-OSServer: Nova servers, filtered server-side by name pattern, status, image and flavor.</summary>
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

        protected override bool Filter(ListQuery query)
        {
            query.Filter("Status", Status?.ToUpperInvariant()).Filter("AllProjects", AllProjects ? "True" : null);
            return true;
        }

        /// <summary>The image and flavor are resolved on each cloud, then the list is asked for their ids.</summary>
        protected override async IAsyncEnumerable<Server> ListAsync(CloudConnection cloud, ListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (Image != null)
                query.Filter("ImageId", await Image.IdOnAsync(cloud, Client.Images.Image.Definition, cancellationToken).ConfigureAwait(false));
            if (Flavor != null)
                query.Filter("FlavorId", await Flavor.IdOnAsync(cloud, Client.Compute.Flavor.Definition, cancellationToken).ConfigureAwait(false));
            await foreach (var server in base.ListAsync(cloud, query, cancellationToken).ConfigureAwait(false))
                yield return server;
        }
    }
}
