namespace OpenStackOrchestrator.HelpBuilder;

/// <summary>The markdown does not follow the PlatyPS schema; the message names the file and line.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string source, int line, string message)
        : base($"{source}({line + 1}): {message}")
    {
    }
}
