using System.Management.Automation;
using System.Threading;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolume: Cinder volumes by name (wildcards), id or status, or the volumes attached to servers
    /// (Get-OSServer web1 | Get-OSVolume, as Get-VM web1 | Get-HardDisk). Attached servers are shown by name.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolume", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Volume))]
    public sealed class GetOSVolumeCommand : OSGetChildrenCmdlet
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [Parameter(ParameterSetName = "Server", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = "Name")]
        [Parameter(ParameterSetName = "Server")]
        [ValidateSet("available", "attaching", "awaiting-transfer", "backing-up", "creating", "deleting", "detaching", "downloading", "error",
            "error_backing-up", "error_deleting", "error_extending", "error_restoring", "extending", "in-use", "maintenance", "reserved",
            "restoring-backup", "retyping", "uploading")]
        public string? Status { get; set; }

        /// <summary>Only the volumes attached to these servers (names, ids or objects, also from the pipeline).</summary>
        [Parameter(ParameterSetName = "Server", Mandatory = true, ValueFromPipeline = true)]
        [Alias("VM")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Server { get; set; }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, TypeNames.Volume, (cloud, id, ct) => NamedAsync(cloud, id, ct));
                return;
            }
            var filter = new NameFilter(Name);
            if (Server == null)
            {
                // Cinder filters one exact name server-side; wildcards and several names are checked here.
                WriteMatches("volume", TypeNames.Volume, filter, filteredClientSide: !filter.IsEmpty && filter.SingleExactName == null,
                    (cloud, limit, ct) => cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { Name = filter.SingleExactName, Status = Status, Limit = limit, NameServers = true }, ct),
                    volume => volume.Name);
                return;
            }
            foreach (var server in Server)
                WriteVolumesOf(server, filter);
        }

        protected override void EndProcessing()
        {
            if (Server != null)
                WriteChildrenTotal();
        }

        private static async System.Threading.Tasks.Task<Volume> NamedAsync(CloudConnection cloud, string id, CancellationToken ct) =>
            await cloud.BlockStorage.NameServersAsync(await cloud.BlockStorage.GetVolumeAsync(id, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

        /// <summary>The volumes attached to one server (Cinder has no such filter: they are picked from one list).</summary>
        private void WriteVolumesOf(ResourceReference server, NameFilter filter)
        {
            if (!TryFindParent(server, (c, id, ct) => c.Compute.GetServerAsync(id, ct), (c, name, ct) => c.Compute.ResolveServerAsync(name, ct), out var cloud, out var found))
                return;
            var options = new VolumeListOptions { ServerId = found!.Id, ServerName = found.Name, Status = Status, NameServers = true };
            WriteChildren(cloud!, TypeNames.Volume, ct => cloud!.BlockStorage.ListVolumesAsync(options, ct), volume => filter.IsMatch(volume.Name));
        }
    }
}
