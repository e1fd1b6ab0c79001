using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.BlockStorage
{
    /// <summary>Get-OSVolume: Cinder volumes by name (wildcards), id or status, or the volumes attached to servers
    /// (Get-OSServer web1 | Get-OSVolume, as Get-VM web1 | Get-HardDisk). Attached servers are shown by name.</summary>
    [Cmdlet(VerbsCommon.Get, "OSVolume", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(Volume))]
    public sealed class GetOSVolumeCommand : OSResourceGetCmdlet<Volume>
    {
        private static readonly ResourceReferenceTransformationAttribute ServerReference = new ResourceReferenceTransformationAttribute();
        private bool _listedAttached;
        private bool _nameServers;

        protected override ResourceDefinition<Volume> Definition => Volume.Definition;

        /// <summary>The base's -Name, in the Server set too.</summary>
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [Parameter(ParameterSetName = "Server", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        [ValidateNotNullOrEmpty]
        public new string[]? Name { get => base.Name; set => base.Name = value; }

        [Parameter(ParameterSetName = "Name")]
        [Parameter(ParameterSetName = "Server")]
        [ValidateSet("available", "attaching", "awaiting-transfer", "backing-up", "creating", "deleting", "detaching", "downloading", "error",
            "error_backing-up", "error_deleting", "error_extending", "error_restoring", "extending", "in-use", "maintenance", "reserved",
            "restoring-backup", "retyping", "uploading")]
        public string? Status { get; set; }

        /// <summary>Only the volumes attached to these servers (names, ids or objects, also from the pipeline).</summary>
        [Parameter(ParameterSetName = "Server", Mandatory = true, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Naming the attached servers costs a Nova list: only when a property shows them.
            _nameServers = Property == null || Definition.FieldsOf(Property).Contains("attachments");
        }

        protected override void ProcessRecord()
        {
            ResourceReference[]? servers;
            try
            {
                servers = VM ?? PipedServers();
            }
            catch (ArgumentTransformationMetadataException ex)
            {
                WriteError(new ErrorRecord(ex, "ParameterArgumentTransformationError", ErrorCategory.InvalidData, InputObject));
                return;
            }
            if (servers == null)
            {
                base.ProcessRecord();
                return;
            }
            _listedAttached = true;
            var filter = new NameFilter(Name);
            foreach (var server in servers)
                WriteVolumesOf(server, filter);
        }

        /// <summary>Anything piped in but a volume (a server, a server's name or id) names servers, as it did before the
        /// pipeline took volumes too.</summary>
        private ResourceReference[]? PipedServers() =>
            InputObject == null || InputObject.BaseObject is Volume ? null : new[] { (ResourceReference)ServerReference.Transform(null!, InputObject) };

        protected override void EndProcessing()
        {
            if (_listedAttached)
                WriteChildrenTotal();
        }

        protected override async Task<Volume> GetAsync(CloudConnection cloud, string id, CancellationToken ct)
        {
            var volume = await base.GetAsync(cloud, id, ct).ConfigureAwait(false);
            return _nameServers ? await cloud.BlockStorage.NameServersAsync(volume, ct).ConfigureAwait(false) : volume;
        }

        /// <summary>The client's list, which names the attached servers with one Nova list for the whole listing.</summary>
        protected override IAsyncEnumerable<Volume> ListAsync(CloudConnection cloud, ListQuery query, CancellationToken ct) =>
            cloud.BlockStorage.ListVolumesAsync(new VolumeListOptions { Name = query.Name, Status = Status, Limit = query.Limit, NameServers = _nameServers }, ct);

        /// <summary>The volumes attached to one server (Cinder has no such filter: they are picked from one list).</summary>
        private void WriteVolumesOf(ResourceReference server, NameFilter filter)
        {
            if (!TryFindParent(server, (c, id, ct) => c.Compute.GetServerAsync(id, ct), (c, name, ct) => c.Compute.ResolveServerAsync(name, ct), out var cloud, out var found))
                return;
            var options = new VolumeListOptions { ServerId = found!.Id, ServerName = found.Name, Status = Status, NameServers = _nameServers };
            WriteChildren(cloud!, Definition.TypeName, ct => cloud!.BlockStorage.ListVolumesAsync(options, ct), volume => filter.IsMatch(volume.Name));
        }
    }
}
