using System.Reflection;

namespace OpenStackOrchestrator.ModuleFiles;

/// <summary>The command names of an assembly's public [Cmdlet] classes ("Get-OSServer"), sorted.</summary>
public static class CmdletScanner
{
    private const string CmdletAttribute = "System.Management.Automation.CmdletAttribute";

    public static IReadOnlyList<string> CommandNames(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType.FullName == CmdletAttribute))
            .Select(a => $"{a.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
}
