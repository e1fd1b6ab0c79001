using System.Text;
using System.Xml;
using System.Xml.Linq;
using OpenStackOrchestrator.HelpBuilder.Markdown;
using OpenStackOrchestrator.HelpBuilder.Model;

namespace OpenStackOrchestrator.HelpBuilder.Maml;

/// <summary>Writes the MAML that PlatyPS 0.14's New-ExternalHelp writes for a set of commands: the file
/// Get-Help reads from the module's en-US folder (Module.dll-Help.xml).</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public static string Write(IEnumerable<CommandHelp> commands)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement CommandElement(CommandHelp command)
    {
        var verb = command.Name.Split('-')[0];
        var noun = command.Name.Substring(Math.Min(verb.Length + 1, command.Name.Length));
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                new XElement(Maml + "description", Paragraphs(command.Synopsis))),
            new XElement(Maml + "description", Paragraphs(command.Description)),
            new XElement(Command + "syntax", SyntaxItems(command).Select(set =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", command.Name),
                    set.Select(p => ParameterElement(p.Help, p.Metadata, inSyntax: true))))),
            new XElement(Command + "parameters", command.Parameters.Select(p => ParameterElement(p, p.Metadata[0], inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", Links(command).Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", MarkdownText.IsAbsoluteUrl(link.Uri) ? link.Uri : "")))));
    }

    /// <summary>One syntax item per parameter set, from the PARAMETERS metadata as PlatyPS builds it: a set holds the
    /// parameters that name it plus those in (All); positional parameters come first. Sets follow the order of
    /// ## SYNTAX (so the default set leads), then the order in which parameters name them.</summary>
    public static List<List<(ParameterHelp Help, ParameterMetadata Metadata)>> SyntaxItems(CommandHelp command)
    {
        var setNames = new List<string>();
        void AddSet(string name)
        {
            if (!setNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                setNames.Add(name);
        }
        var namedInParameters = command.Parameters.SelectMany(p => p.Metadata).SelectMany(m => m.ParameterSets)
            .Where(s => s != ParameterMetadata.AllSets).ToList();
        foreach (var block in command.Syntax.Where(b => b.ParameterSetName != null && namedInParameters.Contains(b.ParameterSetName, StringComparer.OrdinalIgnoreCase)))
            AddSet(block.ParameterSetName!);
        namedInParameters.ForEach(AddSet);
        if (setNames.Count == 0)
            setNames.Add(ParameterMetadata.AllSets);

        return setNames.Select(set => command.Parameters
                .Select(p => (Help: p, Metadata: MetadataFor(p, set)))
                .Where(p => p.Metadata != null)
                .Select(p => (p.Help, Metadata: p.Metadata!))
                .OrderBy(p => p.Metadata.PositionNumber ?? int.MaxValue)
                .ToList())
            .ToList();
    }

    private static ParameterMetadata? MetadataFor(ParameterHelp parameter, string set) =>
        parameter.Metadata.FirstOrDefault(m => m.ParameterSets.Contains(set, StringComparer.OrdinalIgnoreCase))
        ?? parameter.Metadata.FirstOrDefault(m => m.InAllSets);

    private static XElement ParameterElement(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type;
        var defaultValue = metadata.IsSwitch && metadata.DefaultValue is "" or "None" ? "False" : metadata.DefaultValue;
        return new XElement(Command + "parameter",
            new XAttribute("required", metadata.Required),
            new XAttribute("variableLength", true),
            new XAttribute("globbing", metadata.Globbing),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(parameter.Description)),
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup", metadata.AcceptedValues.Select(value =>
                    new XElement(Command + "parameterValue",
                        new XAttribute("required", false),
                        new XAttribute(Command + "variableLength", false),
                        value)))
                : null,
            // PlatyPS leaves the value out of a switch in syntax, so that Get-Help shows [-Switch], not [-Switch <SwitchParameter>].
            inSyntax && metadata.IsSwitch
                ? null
                : new XElement(Command + "parameterValue",
                    new XAttribute("required", !metadata.IsSwitch),
                    new XAttribute("variableLength", false),
                    type),
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", defaultValue));
    }

    private static XElement TypeElement(string elementName, TypeHelp type) =>
        new(Command + elementName,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            new XElement(Maml + "description", Paragraphs(type.Description)));

    private static XElement ExampleElement(ExampleHelp example) =>
        new(Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    /// <summary>Centres the title in dashes to 64 columns, as PlatyPS does, so Get-Help shows it as a banner.</summary>
    public static string PadExampleTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
            return title;
        var dashes = new string('-', (64 - title.Length - 2) / 2);
        return $"{dashes} {title} {dashes}";
    }

    // "online version" in the header becomes the first link, the one Get-Help -Online opens.
    private static IEnumerable<RelatedLink> Links(CommandHelp command)
    {
        if (command.Metadata.TryGetValue(MetadataKeys.OnlineVersion, out var online) && MarkdownText.IsAbsoluteUrl(online))
            yield return new RelatedLink("Online Version:", online);
        foreach (var link in command.Links)
            yield return link;
    }

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
