using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSServer: Nova servers, filtered server-side by name pattern and status.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServer", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Server))]
    public sealed class GetOSServerCommand : OSGetCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

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

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Server, (cloud, id, ct) => cloud.Compute.GetServerAsync(id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            // Nova matches the name regex server-side (as a search, case-insensitively); the exact check stays here.
            WriteMatches("server", TypeNames.Server, filter, filteredClientSide: !filter.IsEmpty,
                (cloud, limit, ct) => ListAsync(cloud, new ServerListOptions { NameRegex = filter.ToRegex(), Status = Status, AllProjects = AllProjects, Limit = limit }, ct),
                server => server.Name);
        }

        private async IAsyncEnumerable<Server> ListAsync(CloudConnection cloud, ServerListOptions options, [EnumeratorCancellation] CancellationToken ct)
        {
            if (Image != null)
                options.ImageId = await Image.ResolveIdAsync(cloud, async (n, c) => (await cloud.Image.ResolveAsync(n, c).ConfigureAwait(false)).Id, ct).ConfigureAwait(false);
            if (Flavor != null)
                options.FlavorId = await Flavor.ResolveIdAsync(cloud, async (n, c) => (await cloud.Compute.ResolveFlavorAsync(n, c).ConfigureAwait(false)).Id, ct).ConfigureAwait(false);
            await foreach (var server in cloud.Compute.ListServersAsync(options, ct).ConfigureAwait(false))
                yield return server;
        }
    }
}
