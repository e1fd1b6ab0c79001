using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenStackOrchestrator.HelpBuilder;
using OpenStackOrchestrator.HelpBuilder.Markdown;
using OpenStackOrchestrator.HelpBuilder.Model;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Help
{
    /// <summary>docs/cmdlets/*.md must describe the cmdlets as they are: the ## SYNTAX parameter sets and lines, and
    /// the ## PARAMETERS list and metadata (sets, mandatory, position, pipeline input, type...) read from Get-Command.</summary>
    public class MarkdownMatchesCmdletTests
    {
        private const string AllSets = "__AllParameterSets";
        private static readonly string DocsFolder = Path.Combine(ModuleSession.RepoRoot, HelpGenerator.CommandDocsFolder);

        [Fact]
        public void Every_exported_cmdlet_has_a_doc_and_every_doc_an_exported_cmdlet()
        {
            var cmdlets = ExportedCmdlets.All.Select(c => c.Name).ToList();
            Assert.NotEmpty(cmdlets);
            var docs = Directory.GetFiles(DocsFolder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
            Assert.True(cmdlets.All(docs.Contains), "No doc for: " + string.Join(", ", cmdlets.Except(docs)) +
                $". Write {HelpGenerator.CommandDocsFolder}/<Name>.md (PlatyPS format), then run dotnet run --project tools/HelpBuilder.");
            Assert.True(docs.All(cmdlets.Contains), "Docs for cmdlets the module does not export: " + string.Join(", ", docs.Except(cmdlets)));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets.Names), MemberType = typeof(ExportedCmdlets))]
        public void Syntax_section_has_the_cmdlets_parameter_sets_and_lines(string name)
        {
            var cmdlet = ExportedCmdlets.Get(name);
            var doc = ReadDoc(name);
            var problems = new List<string>();

            var expected = cmdlet.Sets.Select(s => (Name: cmdlet.Sets.Count == 1 ? null : s.Name, s.IsDefault && cmdlet.Sets.Count > 1, Code: SyntaxLine(name, s))).ToList();
            var actual = doc.Syntax.Select(b => (Name: b.ParameterSetName == AllSets ? null : b.ParameterSetName, b.IsDefault, b.Code)).ToList();
            var expectedHeadings = expected.Select(e => Heading(e.Name, e.Item2)).ToList();
            var actualHeadings = actual.Select(a => Heading(a.Name, a.IsDefault)).ToList();
            if (!expectedHeadings.SequenceEqual(actualHeadings))
                problems.Add($"## SYNTAX sets are [{string.Join(", ", actualHeadings)}]; the cmdlet has [{string.Join(", ", expectedHeadings)}].");
            foreach (var set in expected)
            {
                var block = actual.FirstOrDefault(a => a.Name == set.Name);
                if (block.Code != null && block.Code != set.Code)
                    problems.Add($"## SYNTAX {Heading(set.Name, set.Item2)} should be:\n```\n{set.Code}\n```\nnot:\n```\n{block.Code}\n```");
            }
            AssertNoProblems(name, problems);
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets.Names), MemberType = typeof(ExportedCmdlets))]
        public void Parameters_section_matches_the_cmdlets_parameters(string name)
        {
            var cmdlet = ExportedCmdlets.Get(name);
            var doc = ReadDoc(name);
            var problems = new List<string>();

            var documented = doc.Parameters.Select(p => p.Name).ToList();
            foreach (var duplicate in documented.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                problems.Add($"-{duplicate.Key} is documented {duplicate.Count()} times.");
            foreach (var missing in cmdlet.ParameterNames.Except(documented, StringComparer.OrdinalIgnoreCase))
                problems.Add($"-{missing} is a parameter of the cmdlet but has no '### -{missing}' entry.");
            foreach (var extra in documented.Except(cmdlet.ParameterNames, StringComparer.OrdinalIgnoreCase))
                problems.Add($"-{extra} is documented but the cmdlet has no such parameter.");
            if (!doc.SupportsCommonParameters)
                problems.Add("## PARAMETERS has no '### CommonParameters' entry.");

            foreach (var parameter in doc.Parameters.Where(p => cmdlet.ParameterNames.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
                problems.AddRange(Compare(cmdlet, parameter).Select(p => $"-{parameter.Name}: {p}"));
            AssertNoProblems(name, problems);
        }

        private static IEnumerable<string> Compare(ExportedCmdlet cmdlet, ParameterHelp parameter)
        {
            var inSets = cmdlet.Sets.Where(s => s.Parameters.Any(p => Same(p.Name, parameter.Name))).ToList();
            foreach (var block in parameter.Metadata.Where(m => !m.InAllSets))
                foreach (var set in block.ParameterSets.Where(s => !inSets.Any(r => Same(r.Name, s))))
                    yield return $"'Parameter Sets' names {set}, but the parameter is not in that set (it is in: {string.Join(", ", inSets.Select(s => s.Name))}).";
            if (cmdlet.Sets.Count > 1 && parameter.Metadata.Any(m => m.InAllSets) && inSets.Count < cmdlet.Sets.Count)
                yield return $"'Parameter Sets: (All)', but the parameter is only in: {string.Join(", ", inSets.Select(s => s.Name))}.";

            foreach (var set in inSets)
            {
                var real = set.Parameters.Single(p => Same(p.Name, parameter.Name));
                var metadata = parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Any(s => Same(s, set.Name))) ?? parameter.Metadata.FirstOrDefault(m => m.InAllSets);
                if (metadata == null)
                {
                    yield return $"no ```yaml block covers parameter set {set.Name}.";
                    continue;
                }
                var where = cmdlet.Sets.Count > 1 ? $" in set {set.Name}" : "";
                if (metadata.Required != real.Mandatory)
                    yield return $"Required is {metadata.Required}{where}; the cmdlet says {real.Mandatory}.";
                if (metadata.PositionNumber != real.Position)
                    yield return $"Position is {metadata.Position}{where}; the cmdlet says {(real.Position?.ToString() ?? ParameterMetadata.Named)}.";
                if (metadata.PipelineInput != real.PipelineInput)
                    yield return $"Accept pipeline input is {metadata.PipelineInput}{where}; the cmdlet says {real.PipelineInput}.";
                if (metadata.Type != real.Type)
                    yield return $"Type is {metadata.Type}; the cmdlet says {real.Type}.";
                if (!metadata.Aliases.SequenceEqual(real.Aliases))
                    yield return $"Aliases are [{string.Join(", ", metadata.Aliases)}]; the cmdlet has [{string.Join(", ", real.Aliases)}].";
                if (!metadata.AcceptedValues.SequenceEqual(real.ValidValues))
                    yield return $"Accepted values are [{string.Join(", ", metadata.AcceptedValues)}]; its ValidateSet is [{string.Join(", ", real.ValidValues)}].";
                if (real.SupportsWildcards && !metadata.Globbing)
                    yield return "Accept wildcard characters is False, but the parameter has [SupportsWildcards].";
            }
        }

        /// <summary>The syntax line PlatyPS writes for a set: positional parameters by position, then the others in
        /// the order PowerShell lists them.</summary>
        private static string SyntaxLine(string command, ParameterSet set) =>
            SyntaxFormatter.Format(command, set.Parameters
                .Select((p, index) => (p, index))
                .OrderBy(x => x.p.Position ?? int.MaxValue).ThenBy(x => x.index)
                .Select(x => new SyntaxParameter(x.p.Name, x.p.Type, x.p.Mandatory, x.p.Position, x.p.IsSwitch)));

        private static string Heading(string? set, bool isDefault) =>
            set == null ? "(one unnamed set: no ### heading)" : "### " + set + (isDefault ? CommandMarkdownReader.DefaultSetSuffix : "");

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static CommandHelp ReadDoc(string name)
        {
            var path = Path.Combine(DocsFolder, name + ".md");
            Assert.True(File.Exists(path), $"No {HelpGenerator.CommandDocsFolder}/{name}.md.");
            var doc = CommandMarkdownReader.ReadFile(path);
            Assert.Equal(name, doc.Name);
            return doc;
        }

        private static void AssertNoProblems(string name, List<string> problems)
        {
            if (problems.Count > 0)
                throw new Xunit.Sdk.XunitException($"{HelpGenerator.CommandDocsFolder}/{name}.md does not match the cmdlet:\n- " + string.Join("\n- ", problems));
        }
    }
}
