using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Completes nothing: for -Password, where Tab would otherwise offer the current folder's file names.</summary>
    public sealed class NoCompletion : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Enumerable.Empty<CompletionResult>();
    }
}
