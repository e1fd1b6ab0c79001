using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Completion
{
    /// <summary>Ids of the tasks started in this session (Wait-OSTask -Task, Get-OSTask -Id), newest first,
    /// each with what it does as the tooltip.</summary>
    public sealed class TaskIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = WildcardPattern.Get((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return TaskRegistry.Tasks.Reverse()
                .Where(t => pattern.IsMatch(t.Id))
                .Select(t => new CompletionResult(t.Id, t.Id, CompletionResultType.ParameterValue, $"{t.Operation} {t.Target} ({t.State})"))
                .ToList();
        }
    }
}
