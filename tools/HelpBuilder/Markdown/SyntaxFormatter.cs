using System.Text;

namespace OpenStackOrchestrator.HelpBuilder.Markdown;

/// <summary>A parameter as one ## SYNTAX line shows it.</summary>
public sealed record SyntaxParameter(string Name, string Type, bool Required, int? Position, bool IsSwitch);

/// <summary>Writes a ## SYNTAX line the way PlatyPS 0.14 does: [-Switch], [-Positional] &lt;Type&gt;, [-Optional &lt;Type&gt;],
/// [&lt;CommonParameters&gt;], wrapped before 110 columns with a leading space on continuation lines.</summary>
public static class SyntaxFormatter
{
    public const int MaxWidth = 110;
    public const string CommonParameters = "[<CommonParameters>]";

    public static string Format(string commandName, IEnumerable<SyntaxParameter> parameters, bool commonParameters = true)
    {
        var parts = parameters.Select(Part).ToList();
        if (commonParameters)
            parts.Add(CommonParameters);
        var line = new StringBuilder(commandName);
        var lineStart = 0;
        foreach (var part in parts)
        {
            if (line.Length - lineStart + part.Length > MaxWidth)
            {
                line.Append('\n');
                lineStart = line.Length;
            }
            line.Append(' ').Append(part);
        }
        return line.ToString();
    }

    private static string Part(SyntaxParameter parameter)
    {
        // PlatyPS writes every switch as optional, even a mandatory one.
        if (parameter.IsSwitch)
            return $"[-{parameter.Name}]";
        var name = parameter.Position == null ? $"-{parameter.Name}" : $"[-{parameter.Name}]";
        var text = $"{name} <{parameter.Type}>";
        return parameter.Required ? text : $"[{text}]";
    }
}
