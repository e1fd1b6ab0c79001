using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using OpenStackOrchestrator.HelpBuilder.Model;

namespace OpenStackOrchestrator.HelpBuilder.Markdown;

/// <summary>Reads a cmdlet's markdown in PlatyPS 0.14's schema 2.0.0: YAML header, # Name, then the ## sections
/// SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS.</summary>
public sealed class CommandMarkdownReader
{
    public const string DefaultSetSuffix = " (Default)";
    public const string CommonParametersHeading = "CommonParameters";

    private static readonly string[] Sections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private readonly string _source;
    private CommandHelp? _command;
    private string? _section;
    private string? _syntaxSet;
    private ExampleHelp? _example;
    private ParameterHelp? _parameter;
    private bool _inCommonParameters;
    private TypeHelp? _type;

    private CommandMarkdownReader(string source) => _source = source;

    public static CommandHelp ReadFile(string path) => Read(File.ReadAllText(path), path);

    public static CommandHelp Read(string markdown, string source = "markdown")
    {
        var reader = new CommandMarkdownReader(source);
        var document = MarkdownText.Parse(markdown);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock header)
                ReadHeader(header, metadata);
            else
                reader.Add(block);
        }
        var command = reader._command ?? throw new HelpFormatException(source, 0, "No '# Verb-Noun' heading.");
        foreach (var pair in metadata)
            command.Metadata[pair.Key] = pair.Value;
        reader.Validate();
        return command;
    }

    private static void ReadHeader(YamlFrontMatterBlock header, Dictionary<string, string> metadata)
    {
        foreach (var line in MarkdownText.CodeText(header).Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (line.Trim() == "---" || colon <= 0)
                continue;
            metadata[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
    }

    private void Add(Block block)
    {
        if (block is HeadingBlock heading && heading.Level <= 2)
        {
            var text = MarkdownText.Inline(heading.Inline);
            if (heading.Level == 1)
            {
                if (_command != null)
                    throw Error(block, $"A second '# {text}' heading: one cmdlet per file.");
                _command = new CommandHelp(text, _source);
                return;
            }
            _section = text.ToUpperInvariant();
            if (!Sections.Contains(_section))
                throw Error(block, $"Unexpected section '## {text}'. Sections: {string.Join(", ", Sections)}.");
            _example = null;
            _parameter = null;
            _type = null;
            return;
        }
        if (_command == null || _section == null)
            throw Error(block, "Text before the '# Verb-Noun' heading and its first '## SECTION'.");

        switch (_section)
        {
            case "SYNOPSIS": _command.Synopsis.AddRange(MarkdownText.Paragraphs(block)); break;
            case "DESCRIPTION": _command.Description.AddRange(MarkdownText.Paragraphs(block)); break;
            case "NOTES": _command.Notes.AddRange(MarkdownText.Paragraphs(block)); break;
            case "SYNTAX": AddSyntax(block); break;
            case "EXAMPLES": AddExample(block); break;
            case "PARAMETERS": AddParameter(block); break;
            case "INPUTS": AddType(block, _command.Inputs); break;
            case "OUTPUTS": AddType(block, _command.Outputs); break;
            case "RELATED LINKS": AddLinks(block); break;
        }
    }

    private void AddSyntax(Block block)
    {
        if (block is HeadingBlock heading)
        {
            _syntaxSet = MarkdownText.Inline(heading.Inline);
            return;
        }
        if (block is not CodeBlock code)
            throw Error(block, "## SYNTAX holds only '### SetName' headings and ``` blocks.");
        var name = _syntaxSet;
        var isDefault = name != null && name.EndsWith(DefaultSetSuffix, StringComparison.Ordinal);
        if (isDefault)
            name = name!.Substring(0, name.Length - DefaultSetSuffix.Length);
        _command!.Syntax.Add(new SyntaxBlock(name, isDefault, MarkdownText.CodeText(code)));
        _syntaxSet = null;
    }

    private void AddExample(Block block)
    {
        if (block is HeadingBlock heading)
        {
            _example = new ExampleHelp(MarkdownText.Inline(heading.Inline));
            _command!.Examples.Add(_example);
            return;
        }
        if (_example == null)
            throw Error(block, "An example starts with a '### Example 1: Title' heading.");
        if (block is CodeBlock code)
            _example.Code.Add(MarkdownText.CodeText(code));
        else
            _example.Remarks.AddRange(MarkdownText.Paragraphs(block));
    }

    private void AddParameter(Block block)
    {
        if (block is HeadingBlock heading)
        {
            var name = MarkdownText.Inline(heading.Inline);
            _inCommonParameters = name.Equals(CommonParametersHeading, StringComparison.OrdinalIgnoreCase);
            _parameter = null;
            if (_inCommonParameters)
            {
                _command!.SupportsCommonParameters = true;
                return;
            }
            if (!name.StartsWith("-", StringComparison.Ordinal))
                throw Error(block, $"A parameter heading is '### -Name', not '### {name}'.");
            _parameter = new ParameterHelp(name.Substring(1));
            _command!.Parameters.Add(_parameter);
            return;
        }
        if (_inCommonParameters)
            return; // the standard CommonParameters text; help does not repeat it
        if (_parameter == null)
            throw Error(block, "A parameter starts with a '### -Name' heading.");
        if (block is FencedCodeBlock fenced && string.Equals(fenced.Info, "yaml", StringComparison.OrdinalIgnoreCase))
            _parameter.Metadata.Add(ParameterYaml.Parse(MarkdownText.CodeText(fenced), _source, block.Line));
        else
            _parameter.Description.AddRange(MarkdownText.Paragraphs(block));
    }

    private void AddType(Block block, List<TypeHelp> types)
    {
        if (block is HeadingBlock heading)
        {
            _type = new TypeHelp(MarkdownText.Inline(heading.Inline), new List<string>());
            types.Add(_type);
            return;
        }
        if (_type == null)
            throw Error(block, "An input or output starts with a '### TypeName' heading.");
        _type.Description.AddRange(MarkdownText.Paragraphs(block));
    }

    private void AddLinks(Block block)
    {
        if (block is not ParagraphBlock paragraph)
            throw Error(block, "## RELATED LINKS holds only [text](uri) links.");
        foreach (var link in MarkdownText.Links(paragraph))
            _command!.Links.Add(new RelatedLink(MarkdownText.LinkText(link), link.Url ?? ""));
    }

    private void Validate()
    {
        var command = _command!;
        foreach (var parameter in command.Parameters.Where(p => p.Metadata.Count == 0))
            throw new HelpFormatException(_source, 0, $"Parameter -{parameter.Name} has no ```yaml block.");
        if (command.Synopsis.Count == 0)
            throw new HelpFormatException(_source, 0, "## SYNOPSIS is empty.");
        if (command.ExternalHelpFile is not { Length: > 0 })
            throw new HelpFormatException(_source, 0, $"The YAML header has no '{MetadataKeys.ExternalHelpFile}'.");
    }

    private HelpFormatException Error(Block block, string message) => new(_source, block.Line, message);
}
