using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;

namespace OpenStackOrchestrator.Tests.Help
{
    /// <summary>A parameter as one parameter set of the real cmdlet has it (common parameters excluded).</summary>
    public sealed record SetParameter(
        string Name, string Type, bool IsSwitch, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName,
        IReadOnlyList<string> Aliases, IReadOnlyList<string> ValidValues, bool SupportsWildcards)
    {
        /// <summary>The "Accept pipeline input" text PlatyPS writes for this parameter.</summary>
        public string PipelineInput => (ByValue, ByPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
    }

    public sealed record ParameterSet(string Name, bool IsDefault, IReadOnlyList<SetParameter> Parameters);

    public sealed record ExportedCmdlet(string Name, IReadOnlyList<ParameterSet> Sets)
    {
        public IEnumerable<string> ParameterNames => Sets.SelectMany(s => s.Parameters).Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The cmdlets the built module exports and their parameter sets, read through Get-Command in a hosted
    /// runspace (not from a list in the tests), so that the help tests follow the code.</summary>
    public static class ExportedCmdlets
    {
        private static readonly Lazy<IReadOnlyList<ExportedCmdlet>> Cmdlets = new(Load);

        public static IReadOnlyList<ExportedCmdlet> All => Cmdlets.Value;

        public static ExportedCmdlet Get(string name) => All.Single(c => c.Name == name);

        /// <summary>xUnit member data: one row per exported cmdlet.</summary>
        public static IEnumerable<object[]> Names() => All.Select(c => new object[] { c.Name });

        // Type names and accepted values as PlatyPS derives them: Nullable<T> as T, generics in full, otherwise the
        // short name; accepted values from [ValidateSet] or from the enum type.
        private const string Script = @"
            $common = [System.Management.Automation.Cmdlet]::CommonParameters
            foreach ($c in Get-Command -Module OpenStackOrchestrator -CommandType Cmdlet) {
                foreach ($s in $c.ParameterSets) {
                    [pscustomobject]@{ Command = $c.Name; Set = $s.Name; IsDefault = $s.IsDefault; Parameter = $null }
                    foreach ($p in $s.Parameters) {
                        if ($common.Contains($p.Name)) { continue }
                        $type = $p.ParameterType
                        $underlying = [Nullable]::GetUnderlyingType($type)
                        if ($underlying) { $type = $underlying }
                        $typeName = if ($type.IsGenericType) { $type.ToString() } else { $type.Name }
                        $validSet = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object { $_.ValidValues })
                        [pscustomobject]@{
                            Command = $c.Name; Set = $s.Name; IsDefault = $s.IsDefault; Parameter = $p.Name
                            Type = $typeName; IsSwitch = $type -eq [System.Management.Automation.SwitchParameter]
                            Mandatory = $p.IsMandatory; Position = $p.Position
                            ByValue = $p.ValueFromPipeline; ByPropertyName = $p.ValueFromPipelineByPropertyName
                            Aliases = [string[]]@($p.Aliases)
                            ValidValues = [string[]]$(if ($validSet.Count -gt 0) { $validSet } elseif ($type.IsEnum) { [Enum]::GetNames($type) } else { @() })
                            Wildcards = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
                        }
                    }
                }
            }";

        private static IReadOnlyList<ExportedCmdlet> Load()
        {
            using var session = new ModuleSession();
            var rows = session.Run(Script).AssertNoErrors().Output;
            return rows.GroupBy(r => Text(r, "Command"))
                .Select(command => new ExportedCmdlet(command.Key, command
                    .GroupBy(r => Text(r, "Set"))
                    .Select(set => new ParameterSet(set.Key, (bool)Value(set.First(), "IsDefault")!, set
                        .Where(r => Value(r, "Parameter") != null)
                        .Select(ToParameter)
                        .ToList()))
                    .ToList()))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
        }

        private static SetParameter ToParameter(PSObject row)
        {
            var position = (int)Value(row, "Position")!;
            return new SetParameter(
                Text(row, "Parameter"), Text(row, "Type"), (bool)Value(row, "IsSwitch")!, (bool)Value(row, "Mandatory")!,
                position >= 0 ? position : null, (bool)Value(row, "ByValue")!, (bool)Value(row, "ByPropertyName")!,
                Strings(row, "Aliases"), Strings(row, "ValidValues"), (bool)Value(row, "Wildcards")!);
        }

        private static object? Value(PSObject row, string name) => row.Properties[name].Value is PSObject p ? p.BaseObject : row.Properties[name].Value;

        private static string Text(PSObject row, string name) => Value(row, name)?.ToString() ?? "";

        private static IReadOnlyList<string> Strings(PSObject row, string name) =>
            LanguagePrimitives.GetEnumerable(Value(row, name))?.Cast<object>().Select(o => o.ToString()!).ToList() ?? new List<string>();
    }
}
