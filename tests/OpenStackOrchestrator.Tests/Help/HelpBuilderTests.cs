using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using OpenStackOrchestrator.HelpBuilder;
using OpenStackOrchestrator.HelpBuilder.About;
using OpenStackOrchestrator.HelpBuilder.Maml;
using OpenStackOrchestrator.HelpBuilder.Markdown;
using Xunit;

namespace OpenStackOrchestrator.Tests.Help
{
    /// <summary>The converter on small inputs: PlatyPS markdown in, MAML and about text out.</summary>
    public class HelpBuilderTests
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private const string Doc = @"---
external help file: Sample.dll-Help.xml
Module Name: Sample
online version:
schema: 2.0.0
---

# Get-Thing

## SYNOPSIS
Gets things.

## SYNTAX

### ByName (Default)
```
Get-Thing [[-Name] <String[]>] [-Force] [<CommonParameters>]
```

### ById
```
Get-Thing -Id <String> [<CommonParameters>]
```

## DESCRIPTION
Gets things
from a `store`.

Second paragraph, see [the docs](https://example.com/docs).

## EXAMPLES

### Example 1: Get all things
```powershell
Get-Thing
```

```Output
Name
----
one
```

Lists every thing.

## PARAMETERS

### -Force
Includes hidden things.

```yaml
Type: SwitchParameter
Parameter Sets: ByName
Aliases: f

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### -Id
The id.

```yaml
Type: String
Parameter Sets: ById
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: False
```

### -Name
The names.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases:
Accepted values: one, two

Required: False
Position: 0
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.String
An id.

## OUTPUTS

### Sample.Thing
A thing.

## NOTES
Note one.

## RELATED LINKS

[Get-Other](Get-Other.md)

[Online docs](https://example.com/thing)
";

        [Fact]
        public void Parameter_yaml_is_read_key_by_key()
        {
            var metadata = ParameterYaml.Parse(@"Type: String[]
Parameter Sets: Cloud, Password
Aliases: n, nm
Accepted values: public, internal

Required: True
Position: 2
Default value: GET
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: True");

            Assert.Equal("String[]", metadata.Type);
            Assert.Equal(new[] { "Cloud", "Password" }, metadata.ParameterSets);
            Assert.False(metadata.InAllSets);
            Assert.Equal(new[] { "n", "nm" }, metadata.Aliases);
            Assert.Equal(new[] { "public", "internal" }, metadata.AcceptedValues);
            Assert.True(metadata.Required);
            Assert.Equal(2, metadata.PositionNumber);
            Assert.Equal("GET", metadata.DefaultValue);
            Assert.Equal("True (ByPropertyName, ByValue)", metadata.PipelineInput);
            Assert.True(metadata.Globbing);
        }

        [Fact]
        public void Parameter_yaml_with_empty_values_means_all_sets_no_aliases_and_named()
        {
            var metadata = ParameterYaml.Parse("Type: SwitchParameter\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\n");

            Assert.True(metadata.InAllSets);
            Assert.True(metadata.IsSwitch);
            Assert.Empty(metadata.Aliases);
            Assert.Null(metadata.PositionNumber);
            Assert.Equal("False", metadata.PipelineInput);
        }

        [Fact]
        public void Parameter_yaml_rejects_an_unknown_key_with_its_line()
        {
            var error = Assert.Throws<HelpFormatException>(() => ParameterYaml.Parse("Type: String\nMandatory: True", "x.md", 10));
            Assert.Contains("x.md(13)", error.Message);
            Assert.Contains("Mandatory", error.Message);
        }

        [Fact]
        public void Markdown_reader_reads_every_section()
        {
            var doc = CommandMarkdownReader.Read(Doc, "Get-Thing.md");

            Assert.Equal("Get-Thing", doc.Name);
            Assert.Equal("Sample.dll-Help.xml", doc.ExternalHelpFile);
            Assert.Equal(new[] { "Gets things." }, doc.Synopsis);
            Assert.Equal(new[] { "Gets things from a `store`.", "Second paragraph, see the docs (https://example.com/docs)." }, doc.Description);
            Assert.Equal(new[] { ("ByName", true), ("ById", false) }, doc.Syntax.Select(s => (s.ParameterSetName!, s.IsDefault)));
            Assert.Equal("Get-Thing -Id <String> [<CommonParameters>]", doc.Syntax[1].Code);
            var example = Assert.Single(doc.Examples);
            Assert.Equal("Example 1: Get all things", example.Title);
            Assert.Equal(new[] { "Get-Thing", "Name\n----\none" }, example.Code);
            Assert.Equal(new[] { "Lists every thing." }, example.Remarks);
            Assert.Equal(new[] { "Force", "Id", "Name" }, doc.Parameters.Select(p => p.Name));
            Assert.True(doc.SupportsCommonParameters);
            Assert.Equal("System.String", Assert.Single(doc.Inputs).TypeName);
            Assert.Equal(new[] { "A thing." }, Assert.Single(doc.Outputs).Description);
            Assert.Equal(new[] { "Note one." }, doc.Notes);
            Assert.Equal(new[] { "Get-Other", "Online docs" }, doc.Links.Select(l => l.Text));
        }

        [Fact]
        public void Markdown_reader_rejects_an_unknown_section_with_its_line()
        {
            var error = Assert.Throws<HelpFormatException>(() => CommandMarkdownReader.Read("# Get-Thing\n\n## SYNOPSIS\nx\n\n## USAGE\ny\n", "Get-Thing.md"));
            Assert.Contains("Get-Thing.md(6)", error.Message);
            Assert.Contains("USAGE", error.Message);
        }

        [Fact]
        public void Markdown_reader_rejects_a_parameter_without_yaml()
        {
            var markdown = Doc.Replace("```yaml\nType: String[]", "```\nType: String[]");
            var error = Assert.Throws<HelpFormatException>(() => CommandMarkdownReader.Read(markdown, "Get-Thing.md"));
            Assert.Contains("-Name has no ```yaml block", error.Message);
        }

        [Fact]
        public void Maml_has_PlatyPS_structure()
        {
            var xml = MamlWriter.Write(new[] { CommandMarkdownReader.Read(Doc) });
            var command = XDocument.Parse(xml).Root!.Element(Command + "command")!;

            Assert.Equal("helpItems", XDocument.Parse(xml).Root!.Name.LocalName);
            var details = command.Element(Command + "details")!;
            Assert.Equal(("Get", "Thing"), (details.Element(Command + "verb")!.Value, details.Element(Command + "noun")!.Value));
            Assert.Equal("Gets things.", details.Element(Maml + "description")!.Value);
            Assert.Equal(2, command.Element(Maml + "description")!.Elements(Maml + "para").Count());
            Assert.Equal(new[] { "Lists every thing." }, command.Descendants(Dev + "remarks").Elements(Maml + "para").Select(p => p.Value));
            Assert.Equal("Get-Thing\n\nName\n----\none", command.Descendants(Dev + "code").Single().Value);
            Assert.Equal("System.String", command.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
            Assert.Equal("Note one.", command.Element(Maml + "alertSet")!.Value);
            var links = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
            Assert.Equal(new[] { "", "https://example.com/thing" }, links.Select(l => l.Element(Maml + "uri")!.Value));
        }

        [Fact]
        public void Maml_syntax_has_one_item_per_set_with_positional_parameters_first()
        {
            var xml = MamlWriter.Write(new[] { CommandMarkdownReader.Read(Doc) });
            var items = XDocument.Parse(xml).Descendants(Command + "syntaxItem").ToList();

            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { "Name", "Force" }, ParameterNames(items[0]));
            Assert.Equal(new[] { "Id" }, ParameterNames(items[1]));
            var name = items[0].Elements(Command + "parameter").First();
            Assert.Equal(("0", "true", "none"), (name.Attribute("position")!.Value, name.Attribute("globbing")!.Value, name.Attribute("aliases")!.Value));
            Assert.Equal(new[] { "one", "two" }, name.Descendants(Command + "parameterValueGroup").Elements().Select(e => e.Value));
            var force = items[0].Elements(Command + "parameter").Last();
            Assert.Null(force.Element(Command + "parameterValue"));
            Assert.Equal(("f", "False"), (force.Attribute("aliases")!.Value, force.Element(Dev + "defaultValue")!.Value));
            Assert.Equal("True (ByPropertyName)", items[1].Element(Command + "parameter")!.Attribute("pipelineInput")!.Value);
        }

        [Fact]
        public void Maml_parameters_section_lists_each_parameter_once_with_its_type()
        {
            var xml = MamlWriter.Write(new[] { CommandMarkdownReader.Read(Doc) });
            var parameters = XDocument.Parse(xml).Descendants(Command + "parameters").Single().Elements(Command + "parameter").ToList();

            Assert.Equal(new[] { "Force", "Id", "Name" }, parameters.Select(p => p.Element(Maml + "name")!.Value));
            Assert.Equal("SwitchParameter", parameters[0].Element(Command + "parameterValue")!.Value);
            Assert.Equal("false", parameters[0].Element(Command + "parameterValue")!.Attribute("required")!.Value);
            Assert.Equal("true", parameters[1].Attribute("required")!.Value);
            Assert.Empty(parameters[2].Elements(Command + "parameterValueGroup"));
        }

        [Fact]
        public void Maml_output_is_deterministic_UTF8_without_BOM_and_LF()
        {
            var first = MamlWriter.Write(new[] { CommandMarkdownReader.Read(Doc) });
            var second = MamlWriter.Write(new[] { CommandMarkdownReader.Read(Doc.Replace("\n", "\r\n")) });

            Assert.Equal(first, second);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<helpItems schema=\"maml\" xmlns=\"http://msh\">", first);
            Assert.DoesNotContain("\r", first);
            Assert.False(HelpGenerator.Utf8.GetPreamble().Length > 0);
        }

        [Theory]
        [InlineData("Example 1: Get all things")]
        [InlineData("Example 2")]
        public void Example_titles_are_centred_in_dashes_to_64_columns(string title)
        {
            var padded = MamlWriter.PadExampleTitle(title);
            Assert.InRange(padded.Length, 63, 64);
            Assert.Equal(title, padded.Trim('-', ' '));
            Assert.Equal(padded.Length - padded.TrimStart('-').Length, padded.Length - padded.TrimEnd('-').Length);
        }

        [Fact]
        public void Syntax_lines_follow_PlatyPS()
        {
            var line = SyntaxFormatter.Format("Get-Thing", new[]
            {
                new SyntaxParameter("Name", "String[]", false, 0, false),
                new SyntaxParameter("Id", "String", true, null, false),
                new SyntaxParameter("Path", "String", true, 1, false),
                new SyntaxParameter("Force", "SwitchParameter", true, null, true),
                new SyntaxParameter("Limit", "Int32", false, null, false),
            });
            Assert.Equal("Get-Thing [[-Name] <String[]>] -Id <String> [-Path] <String> [-Force] [-Limit <Int32>] [<CommonParameters>]", line);
        }

        [Fact]
        public void Long_syntax_lines_wrap_before_110_columns()
        {
            var parameters = Enumerable.Range(1, 12).Select(i => new SyntaxParameter($"Parameter{i}", "String", false, null, false));
            var lines = SyntaxFormatter.Format("Get-Thing", parameters).Split('\n');

            Assert.True(lines.Length > 1);
            Assert.All(lines, l => Assert.InRange(l.Length, 1, SyntaxFormatter.MaxWidth + 1));
            Assert.All(lines.Skip(1), l => Assert.StartsWith(" [", l));
        }

        [Fact]
        public void About_topic_has_the_about_help_layout()
        {
            var text = AboutTopicWriter.Write(@"# Sample
## about_Sample

# SHORT DESCRIPTION
Short text.

# LONG DESCRIPTION
" + string.Join(" ", Enumerable.Repeat("word", 40)) + @"

## Subtopic
- item one
- item two

```powershell
Get-Thing -Name one
```

| PowerCLI | Sample |
| --- | --- |
| Get-VM | Get-Thing |
");
            var lines = text.Split('\n');

            Assert.Equal(new[] { "TOPIC", "    about_Sample", "", "SHORT DESCRIPTION", "    Short text.", "", "LONG DESCRIPTION" }, lines.Take(7));
            Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.Width, $"Line longer than {AboutTopicWriter.Width}: {l}"));
            Assert.Contains("Subtopic", lines);
            Assert.Contains("    - item one", lines);
            Assert.Contains("        Get-Thing -Name one", lines);
            Assert.Contains("    PowerCLI  Sample", lines);
            Assert.Contains("    Get-VM    Get-Thing", lines);
            Assert.EndsWith("Get-Thing\n", text);
        }

        [Fact]
        public void About_topic_needs_a_title()
        {
            Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Write("Just text.", "about_X.md"));
        }

        private static string[] ParameterNames(XElement syntaxItem) =>
            syntaxItem.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray();
    }
}
