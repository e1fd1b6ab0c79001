using System.Collections.Generic;
using System.Linq;

namespace OpenStackOrchestrator.Tests.Pester
{
    public enum PesterOutcome { Passed, Failed, Skipped }

    /// <summary>What one discovered It path means for its xUnit test case, given every result of its file.</summary>
    public sealed record PesterVerdict(PesterOutcome Outcome, string Message)
    {
        /// <param name="forbidRuntimeSkips">CI (OSO_REQUIRE_CLOUD=1): a Set-ItResult -Skipped (no cloud) is a failure.</param>
        public static PesterVerdict For(string itPath, IReadOnlyList<PesterItResult> fileResults, bool forbidRuntimeSkips)
        {
            // A path matches its own result, or, when discovery could not expand -TestCases, the results of all its cases.
            var mine = fileResults.Where(r => r.Path == itPath || r.TemplatePath == itPath).ToList();
            if (mine.Count == 0)
            {
                var causes = fileResults.Where(r => r.Path.StartsWith("<")).Select(r => r.Message).ToList();
                return new(PesterOutcome.Failed, "This It did not run. " + (causes.Count > 0 ? string.Join("\n", causes)
                    : "The shim reported no result with this path (is a Describe or It name computed at run time?)."));
            }
            string Explain(PesterItResult r) => mine.Count > 1 ? $"[{r.Path}] {r.Message}" : r.Message;
            var failed = mine.Where(r => r.Failed).ToList();
            if (failed.Count > 0)
                return new(PesterOutcome.Failed, string.Join("\n\n", failed.Select(Explain)));
            var runtimeSkips = mine.Where(r => r.Skipped && r.SkippedAtRuntime).ToList();
            if (forbidRuntimeSkips && runtimeSkips.Count > 0)
                return new(PesterOutcome.Failed, "OSO_REQUIRE_CLOUD=1, so this It must not skip: " + string.Join("\n", runtimeSkips.Select(Explain)));
            var skipped = mine.Where(r => r.Skipped).Select(Explain).Distinct().ToList();
            return new(skipped.Count == mine.Count ? PesterOutcome.Skipped : PesterOutcome.Passed, string.Join("\n", skipped));
        }
    }
}
