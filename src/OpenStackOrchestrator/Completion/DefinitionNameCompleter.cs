using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>The live names of one declared resource, for the reference parameters of other cmdlets (-Network,
    /// -Subnet...); a resource without a name completes as its id, which those parameters take too.</summary>
    public abstract class DefinitionNameCompleter<T> : LiveNameCompleter where T : OSResource
    {
        private readonly ResourceDefinition<T> _definition;

        protected DefinitionNameCompleter(ResourceDefinition<T> definition) => _definition = definition;

        protected override string Kind => _definition.Kind;

        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.ListResourcesAsync(_definition, new ListQuery { Limit = CompletionCache.FirstPage }, ct),
                r => string.IsNullOrEmpty(r.Name) ? r.Id : r.Name);
    }
}
