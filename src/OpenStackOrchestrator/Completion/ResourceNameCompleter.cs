using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>The live names of whatever declared resource the command is over (a resource without a name completes
    /// as its id, which the cmdlets take too).</summary>
    public sealed class ResourceNameCompleter : LiveNameCompleter
    {
        private IResourceDefinition? _definition;

        protected override string Kind => _definition?.Kind ?? "";

        public override IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            _definition = ResourceCmdlets.For(commandName);
            return _definition == null ? Enumerable.Empty<CompletionResult>()
                : base.CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters);
        }

        protected override System.Threading.Tasks.Task<List<string>> FetchAsync(Client.CloudConnection cloud, System.Threading.CancellationToken ct) =>
            CompletionCache.Collect(_definition!.ListAsync(cloud, new ListQuery { Limit = CompletionCache.FirstPage }, ct),
                r => string.IsNullOrEmpty(r.Name) ? r.Id : r.Name);
    }

    /// <summary>-Property: the properties of the command's resource that can be asked for.</summary>
    public sealed class ResourcePropertyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var definition = ResourceCmdlets.For(commandName);
            if (definition == null)
                return Enumerable.Empty<CompletionResult>();
            var pattern = WildcardPattern.Get((wordToComplete ?? "") + "*", WildcardOptions.IgnoreCase);
            return definition.SelectableProperties.Where(p => pattern.IsMatch(p)).OrderBy(p => p)
                .Select(p => new CompletionResult(p, p, CompletionResultType.ParameterValue, p));
        }
    }
}
