using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Get-OSContainer: Swift containers by name (wildcards), each read in full (counts, ACLs, metadata).</summary>
    [Cmdlet(VerbsCommon.Get, "OSContainer", SupportsPaging = true)]
    [OutputType(typeof(Container))]
    public sealed class GetOSContainerCommand : OSGetCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            if (filter.AllExact)
                WriteExactNames(filter.ExactNames, "container", TypeNames.Container, (cloud, name, ct) => cloud.ObjectStorage.GetContainerAsync(name, ct));
            else
                // Swift's prefix= is case-sensitive and PowerShell wildcards are not, so names are matched here.
                WriteMatches("container", TypeNames.Container, filter, filteredClientSide: !filter.IsEmpty,
                    (cloud, limit, ct) => ReadMatchingAsync(cloud, filter, limit, ct), container => container.Name);
        }

        /// <summary>The listing gives names and counts only: each match is read with a HEAD for its ACLs and metadata.</summary>
        private static async IAsyncEnumerable<Container> ReadMatchingAsync(CloudConnection cloud, NameFilter filter, int? limit,
            [EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var listed in cloud.ObjectStorage.ListContainersAsync(null, limit, ct).ConfigureAwait(false))
            {
                if (!filter.IsMatch(listed.Name))
                    continue;
                Container? container;
                try
                {
                    container = await cloud.ObjectStorage.GetContainerAsync(listed.Name, ct).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    container = null;   // deleted since the listing
                }
                if (container != null)
                    yield return container;
            }
        }
    }
}
