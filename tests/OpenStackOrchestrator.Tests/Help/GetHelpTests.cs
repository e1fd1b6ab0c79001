using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.HelpBuilder;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Help
{
    /// <summary>What a user gets from Get-Help in a session that imported the built module.</summary>
    public class GetHelpTests : IDisposable
    {
        // Flattens Get-Help's object into strings so that the test reads plain values.
        private const string HelpScript = @"
            $help = Get-Help -Name $name -Full
            [pscustomobject]@{
                Synopsis = [string]$help.Synopsis
                Description = (@($help.description) | ForEach-Object { $_.Text }) -join ""`n""
                Parameters = @(@($help.parameters.parameter) | Where-Object { $_ } | ForEach-Object {
                    [pscustomobject]@{ Name = [string]$_.name; Description = (@($_.description) | ForEach-Object { $_.Text }) -join ""`n"" } })
                ExampleCode = @(@($help.examples.example) | Where-Object { $_ } | ForEach-Object { [string]$_.code })
            }";

        private readonly ModuleSession _session = new ModuleSession();

        [Theory]
        [MemberData(nameof(ExportedCmdlets.Names), MemberType = typeof(ExportedCmdlets))]
        public void Get_Help_shows_a_written_synopsis_and_description(string name)
        {
            var help = GetHelp(name);
            var synopsis = Text(help, "Synopsis").Trim();
            Assert.False(synopsis.Length == 0, $"{name}: Get-Help shows no synopsis.");
            // Without help, PowerShell makes the synopsis from the syntax: "Verb-Noun [[-Name] <string[]>] ... [<CommonParameters>]".
            Assert.False(synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase) || synopsis.Contains("<CommonParameters>"),
                $"{name}: Get-Help shows the syntax as the synopsis, so it found no help for the cmdlet: \"{synopsis}\"");
            Assert.False(string.IsNullOrWhiteSpace(Text(help, "Description")), $"{name}: Get-Help shows no description.");
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets.Names), MemberType = typeof(ExportedCmdlets))]
        public void Get_Help_describes_every_parameter_of_the_cmdlet(string name)
        {
            var real = _session.Run(
                    "(Get-Command -Name $name).Parameters.Keys | Where-Object { -not [System.Management.Automation.Cmdlet]::CommonParameters.Contains($_) }",
                    new Dictionary<string, object?> { ["name"] = name })
                .AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            Assert.NotEmpty(real);
            var described = Items(GetHelp(name), "Parameters")
                .ToDictionary(p => Text(p, "Name"), p => Text(p, "Description"), StringComparer.OrdinalIgnoreCase);

            var missing = real.Where(p => !described.ContainsKey(p)).ToList();
            var undescribed = real.Where(p => described.TryGetValue(p, out var text) && string.IsNullOrWhiteSpace(text)).ToList();
            Assert.True(missing.Count == 0, $"{name}: Get-Help does not list -{string.Join(", -", missing)}.");
            Assert.True(undescribed.Count == 0, $"{name}: Get-Help has no description for -{string.Join(", -", undescribed)}.");
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets.Names), MemberType = typeof(ExportedCmdlets))]
        public void Get_Help_has_an_example_with_code(string name)
        {
            var code = Items(GetHelp(name), "ExampleCode").Select(c => c.ToString()).ToList();
            Assert.True(code.Count > 0, $"{name}: Get-Help shows no example.");
            Assert.True(code.All(c => !string.IsNullOrWhiteSpace(c)), $"{name}: an example has no code.");
        }

        [Fact]
        public void Get_Help_finds_the_about_topic_of_the_built_module()
        {
            const string topic = "about_OpenStackOrchestrator";
            var generated = HelpGenerator.Generate(ModuleSession.RepoRoot).Single(f => f.RelativePath.EndsWith(topic + ".help.txt"));
            var shortDescription = SectionFirstLine(generated.Content.Split('\n'), "SHORT DESCRIPTION");

            var shown = _session.Run($"Get-Help -Name {topic}").AssertNoErrors().Output;

            Assert.True(shown.Count > 0, $"Get-Help {topic} found nothing.");
            var text = string.Join("\n", shown.Select(o => o.ToString()));
            Assert.Contains(topic, text);
            Assert.Contains(shortDescription, text);
        }

        [Fact]
        public void The_built_module_folder_ships_the_current_help_in_en_US()
        {
            // PowerShell looks for help in the module's culture folder; Windows PowerShell 5.1 needs it there.
            foreach (var file in HelpGenerator.Generate(ModuleSession.RepoRoot))
            {
                var built = Path.Combine(ModuleSession.ModuleDirectory, "en-US", Path.GetFileName(file.RelativePath));
                Assert.True(File.Exists(built), $"The built module has no {built}: build the solution (the module project copies en-US/ there).");
                Assert.True(File.ReadAllText(built).Replace("\r\n", "\n") == file.Content, $"{built} is older than {file.RelativePath}: build the solution.");
            }
        }

        private PSObject GetHelp(string name) =>
            _session.Run(HelpScript, new Dictionary<string, object?> { ["name"] = name }).AssertNoErrors().Output.Single();

        private static string Text(PSObject item, string property) => item.Properties[property].Value?.ToString() ?? "";

        private static IEnumerable<PSObject> Items(PSObject item, string property) =>
            LanguagePrimitives.GetEnumerable(item.Properties[property].Value)?.Cast<object>().Select(PSObject.AsPSObject) ?? Enumerable.Empty<PSObject>();

        private static string SectionFirstLine(string[] lines, string heading)
        {
            var index = Array.IndexOf(lines, heading);
            Assert.True(index >= 0 && index + 1 < lines.Length, $"The about topic has no {heading} section.");
            return lines[index + 1].Trim();
        }

        public void Dispose() => _session.Dispose();
    }
}
