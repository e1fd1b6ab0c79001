using System.Text;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.ModuleFiles;

/// <summary>The manifest with its CmdletsToExport written out (PowerShell finds the commands of a module that is not
/// loaded yet from this list, so it is spelled out rather than '*').</summary>
public static class ManifestWriter
{
    private static readonly Regex Exports = new(@"CmdletsToExport\s*=\s*@\([^)]*\)", RegexOptions.Compiled);

    public static string WithExports(string manifest, IEnumerable<string> commands)
    {
        if (!Exports.IsMatch(manifest))
            throw new ViewDeclarationException("the manifest template has no CmdletsToExport = @(...)");
        var list = new StringBuilder("CmdletsToExport      = @(");
        foreach (var command in commands)
            list.Append("\n        '").Append(command).Append('\'');
        list.Append("\n    )");
        return Exports.Replace(manifest, list.ToString().Replace("\n", Environment.NewLine), 1);
    }
}
