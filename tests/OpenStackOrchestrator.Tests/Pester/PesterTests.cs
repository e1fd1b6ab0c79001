using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OpenStackOrchestrator.Tests.Pester
{
    /// <summary>Every It of every tests/*.Tests.ps1 (Pester 5 syntax) as its own test case, run through tests/Pester/PesterShim.psm1.</summary>
    public class PesterTests
    {
        private static readonly string TestsFolder = Path.Combine(ModuleSession.RepoRoot, "tests");
        private readonly ITestOutputHelper _output;

        public PesterTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Its() =>
            Directory.GetFiles(TestsFolder, "*.Tests.ps1").OrderBy(f => f)
                .SelectMany(file => PesterScriptDiscovery.ItPaths(file).Select(it => new object[] { Path.GetFileName(file), it }));

        [PesterTheory]
        [MemberData(nameof(Its))]
        public void It(string file, string it)
        {
            var results = PesterFileRun.Cached(Path.Combine(TestsFolder, file));
            var verdict = PesterVerdict.For(it, results, forbidRuntimeSkips: LocalCloud.Required);
            foreach (var result in results.Where(r => r.Path == it || r.TemplatePath == it))
                _output.WriteLine($"{result.Result} {result.Path} ({result.DurationMs:0} ms)");
            if (verdict.Message.Length > 0)
                _output.WriteLine(verdict.Message);
            switch (verdict.Outcome)
            {
                case PesterOutcome.Failed:
                    throw new XunitException(verdict.Message);
                case PesterOutcome.Skipped:
                    throw new PesterSkipException(verdict.Message);
            }
        }

        [Fact]
        public void Every_It_that_ran_has_a_test_case_of_its_own()
        {
            foreach (var file in Directory.GetFiles(TestsFolder, "*.Tests.ps1"))
            {
                var discovered = PesterScriptDiscovery.ItPaths(file);
                var unreported = PesterFileRun.Cached(file)
                    .Where(r => !r.Path.StartsWith("<") && !discovered.Contains(r.Path) && !discovered.Contains(r.TemplatePath));
                Assert.True(!unreported.Any(), $"{file}: the AST finds no It for {string.Join(", ", unreported.Select(r => r.Path))}");
            }
        }
    }
}
