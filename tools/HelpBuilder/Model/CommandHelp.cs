namespace OpenStackOrchestrator.HelpBuilder.Model;

/// <summary>One cmdlet's help as written in its PlatyPS markdown file (docs/cmdlets/Verb-Noun.md).</summary>
public sealed class CommandHelp
{
    public CommandHelp(string name, string source)
    {
        Name = name;
        Source = source;
    }

    public string Name { get; }
    /// <summary>The file it was read from, for error messages.</summary>
    public string Source { get; }
    /// <summary>The YAML header: external help file, Module Name, online version, schema.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Synopsis { get; } = new();
    public List<string> Description { get; } = new();
    public List<SyntaxBlock> Syntax { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    /// <summary>True when the PARAMETERS section has the ### CommonParameters entry.</summary>
    public bool SupportsCommonParameters { get; set; }
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<RelatedLink> Links { get; } = new();

    public string? ExternalHelpFile => Metadata.TryGetValue(MetadataKeys.ExternalHelpFile, out var file) ? file : null;
}

public static class MetadataKeys
{
    public const string ExternalHelpFile = "external help file";
    public const string ModuleName = "Module Name";
    public const string OnlineVersion = "online version";
    public const string Schema = "schema";
}

/// <summary>A ### SetName block of ## SYNTAX; <see cref="ParameterSetName"/> is null when the cmdlet has one unnamed set.</summary>
public sealed record SyntaxBlock(string? ParameterSetName, bool IsDefault, string Code);

public sealed class ExampleHelp
{
    public ExampleHelp(string title) => Title = title;

    public string Title { get; }
    public List<string> Code { get; } = new();
    public List<string> Remarks { get; } = new();
}

/// <summary>A ### -Name block of ## PARAMETERS: its description and one YAML block per distinct metadata.</summary>
public sealed class ParameterHelp
{
    public ParameterHelp(string name) => Name = name;

    public string Name { get; }
    public List<string> Description { get; } = new();
    public List<ParameterMetadata> Metadata { get; } = new();
}

/// <summary>An INPUTS or OUTPUTS entry: the type name heading and what it means.</summary>
public sealed record TypeHelp(string TypeName, List<string> Description);

public sealed record RelatedLink(string Text, string Uri);
