using System.IO;
using System.Linq;
using OpenStackOrchestrator.HelpBuilder;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Help
{
    /// <summary>en-US/ is generated from docs/ and committed; a docs edit without regenerating must fail here.</summary>
    public class CommittedHelpIsGeneratedTests
    {
        private const string Regenerate = "run `dotnet run --project tools/HelpBuilder` and commit en-US/";

        [Fact]
        public void Committed_help_files_equal_what_HelpBuilder_generates_from_docs()
        {
            var files = HelpGenerator.Generate(ModuleSession.RepoRoot);
            Assert.Contains(files, f => f.RelativePath.EndsWith("-Help.xml"));
            Assert.Contains(files, f => f.RelativePath.EndsWith(".help.txt"));
            var stale = files.Where(f => HelpGenerator.IsOutOfDate(ModuleSession.RepoRoot, f)).Select(f => f.RelativePath).ToList();
            Assert.True(stale.Count == 0, $"{string.Join(", ", stale)} differ from what docs/ generates: {Regenerate}.");
        }

        [Fact]
        public void En_US_holds_no_help_file_that_docs_no_longer_generate()
        {
            var generated = HelpGenerator.Generate(ModuleSession.RepoRoot).Select(f => Path.GetFileName(f.RelativePath)).ToList();
            var folder = Path.Combine(ModuleSession.RepoRoot, HelpGenerator.OutputFolder);
            var committed = Directory.GetFiles(folder, "*-Help.xml").Concat(Directory.GetFiles(folder, "about_*.help.txt")).Select(Path.GetFileName).ToList();
            var orphans = committed.Except(generated).ToList();
            Assert.True(orphans.Count == 0, $"en-US/{string.Join(", en-US/", orphans)} no longer come from docs/: delete them, then {Regenerate}.");
        }
    }
}
