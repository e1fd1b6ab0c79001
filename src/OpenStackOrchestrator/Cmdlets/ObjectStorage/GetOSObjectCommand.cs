using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Get-OSObject: the objects of a container, every page of the listing followed; -Prefix filters on the
    /// server, -Delimiter rolls names up into pseudo-folders (IsFolder), -Name matches wildcards here. Exact names are
    /// read one at a time, with their metadata.</summary>
    [Cmdlet(VerbsCommon.Get, "OSObject", SupportsPaging = true)]
    [OutputType(typeof(StorageObject))]
    public sealed class GetOSObjectCommand : OSGetChildrenCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Container { get; set; }

        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only names that start with this (case-sensitive, on the server).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Prefix { get; set; }

        /// <summary>Usually "/": names with it after the prefix are shown as one pseudo-folder.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Delimiter { get; set; }

        private ulong _exactWritten;

        protected override void ProcessRecord()
        {
            if (!TryFindParent(Container!, (cloud, name, ct) => cloud.ObjectStorage.GetContainerAsync(name, ct),
                    (cloud, name, ct) => cloud.ObjectStorage.GetContainerAsync(name, ct), out var found, out var container))
                return;
            var filter = new NameFilter(Name);
            if (!filter.IsEmpty && Prefix == null && Delimiter == null && !PagingParameters.IncludeTotalCount &&
                filter.AllExact)
            {
                foreach (var name in filter.ExactNames)
                    Try($"{container!.Name}/{name}", () =>
                    {
                        try
                        {
                            var item = Run(ct => found!.ObjectStorage.GetObjectAsync(container!.Name, name, ct));
                            if (Paging.Take(PagingParameters, ref _exactWritten))
                                WriteTyped(item, TypeNames.StorageObject);
                        }
                        catch (ResourceNotFoundException ex)
                        {
                            WriteFailure(ex, $"{container!.Name}/{name}");
                        }
                    });
                return;
            }
            var options = new ObjectListOptions
            {
                Prefix = Prefix,
                Delimiter = Delimiter,
                Limit = filter.IsEmpty && !PagingParameters.IncludeTotalCount ? Paging.Limit(PagingParameters) : null,
            };
            WriteChildren(found!, TypeNames.StorageObject, ct => found!.ObjectStorage.ListObjectsAsync(container!.Name, options, ct), o => filter.IsMatch(o.Name));
        }

        protected override void EndProcessing() => WriteChildrenTotal();
    }
}
