namespace OpenStackOrchestrator.HelpBuilder.Model;

/// <summary>One ```yaml block under a parameter: how the parameter behaves in the sets it names.</summary>
public sealed class ParameterMetadata
{
    /// <summary>What PlatyPS writes in "Parameter Sets:" when a parameter is in every set.</summary>
    public const string AllSets = "(All)";
    public const string Named = "Named";

    public string Type { get; set; } = "";
    /// <summary>The set names, or just <see cref="AllSets"/>.</summary>
    public List<string> ParameterSets { get; set; } = new() { AllSets };
    public List<string> Aliases { get; set; } = new();
    public List<string> AcceptedValues { get; set; } = new();
    public bool Required { get; set; }
    /// <summary>"Named" or a zero-based position.</summary>
    public string Position { get; set; } = Named;
    public string DefaultValue { get; set; } = "None";
    /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByPropertyName, ByValue)".</summary>
    public string PipelineInput { get; set; } = "False";
    public bool Globbing { get; set; }

    public bool InAllSets => ParameterSets.Count == 1 && ParameterSets[0] == AllSets;
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter" or "switch";
    public int? PositionNumber => int.TryParse(Position, out var n) ? n : null;
}
