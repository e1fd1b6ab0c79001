using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>The live names of one declared resource, for the reference parameters of other cmdlets (-Network,
    /// -Subnet...); a resource without a name completes as its id, which those parameters take too.
    /// [ArgumentCompleter(typeof(DefinitionNameCompleter&lt;ServerGroup&gt;))] needs no class of its own.</summary>
    public class DefinitionNameCompleter<T> : LiveNameCompleter where T : OSResource
    {
        private readonly ResourceDefinition<T> _definition;

        public DefinitionNameCompleter() : this(DeclaredDefinition()) { }

        protected DefinitionNameCompleter(ResourceDefinition<T> definition) => _definition = definition;

        private static ResourceDefinition<T> DeclaredDefinition() =>
            typeof(T).GetField("Definition", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as ResourceDefinition<T>
            ?? throw new System.InvalidOperationException($"{typeof(T).Name} declares no static Definition.");

        protected override string Kind => _definition.Kind;

        protected override Task<List<string>> FetchAsync(CloudConnection cloud, CancellationToken ct) =>
            CompletionCache.Collect(cloud.ListResourcesAsync(_definition, new ListQuery { Limit = CompletionCache.FirstPage }, ct),
                r => string.IsNullOrEmpty(r.Name) ? r.Id : r.Name);
    }
}
