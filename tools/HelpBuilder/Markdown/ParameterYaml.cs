using OpenStackOrchestrator.HelpBuilder.Model;

namespace OpenStackOrchestrator.HelpBuilder.Markdown;

/// <summary>Reads the key-value YAML block PlatyPS writes under each parameter (only "Key: value" lines,
/// as PlatyPS itself accepts).</summary>
public static class ParameterYaml
{
    public const string Type = "Type";
    public const string ParameterSets = "Parameter Sets";
    public const string Aliases = "Aliases";
    public const string AcceptedValues = "Accepted values";
    public const string Required = "Required";
    public const string Position = "Position";
    public const string DefaultValue = "Default value";
    public const string AcceptPipelineInput = "Accept pipeline input";
    public const string AcceptWildcardCharacters = "Accept wildcard characters";

    private static readonly string[] KnownKeys =
        { Type, ParameterSets, Aliases, AcceptedValues, Required, Position, DefaultValue, AcceptPipelineInput, AcceptWildcardCharacters };

    /// <param name="line">Zero-based line of the block in <paramref name="source"/>, for errors.</param>
    public static ParameterMetadata Parse(string yaml, string source = "yaml", int line = 0)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
                continue;
            var colon = text.IndexOf(':');
            if (colon <= 0)
                throw new HelpFormatException(source, line + i + 1, $"Expected 'Key: value' in the parameter YAML, got '{text}'.");
            var key = text.Substring(0, colon).Trim();
            var known = KnownKeys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase))
                ?? throw new HelpFormatException(source, line + i + 1, $"Unknown key '{key}' in the parameter YAML. Known keys: {string.Join(", ", KnownKeys)}.");
            if (values.ContainsKey(known))
                throw new HelpFormatException(source, line + i + 1, $"'{known}' appears twice in the parameter YAML.");
            values[known] = text.Substring(colon + 1).Trim();
        }

        var metadata = new ParameterMetadata();
        if (Value(values, Type) is string type)
            metadata.Type = type;
        var sets = SplitList(Value(values, ParameterSets));
        if (sets.Count > 0)
            metadata.ParameterSets = sets;
        metadata.Aliases = SplitList(Value(values, Aliases));
        metadata.AcceptedValues = SplitList(Value(values, AcceptedValues));
        metadata.Required = Bool(values, Required, source, line);
        metadata.Position = Value(values, Position) ?? ParameterMetadata.Named;
        if (metadata.PositionNumber == null && !metadata.Position.Equals(ParameterMetadata.Named, StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(source, line, $"Position must be Named or a number, not '{metadata.Position}'.");
        metadata.DefaultValue = Value(values, DefaultValue) ?? "None";
        metadata.PipelineInput = Value(values, AcceptPipelineInput) ?? "False";
        metadata.Globbing = Bool(values, AcceptWildcardCharacters, source, line);
        return metadata;
    }

    private static string? Value(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static List<string> SplitList(string? value) =>
        value == null ? new List<string>() : value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    private static bool Bool(Dictionary<string, string> values, string key, string source, int line)
    {
        var value = Value(values, key);
        if (value == null || value.Equals("False", StringComparison.OrdinalIgnoreCase))
            return false;
        if (value.Equals("True", StringComparison.OrdinalIgnoreCase))
            return true;
        throw new HelpFormatException(source, line, $"{key} must be True or False, not '{value}'.");
    }
}
