using System.Reflection;
using OpenStackOrchestrator.ModuleFiles;

// ModuleFiles <module.dll> <references.txt> <manifest template .psd1> <output folder>
// references.txt: the compile references of the module project, one path per line (netstandard, System.Management.Automation...).
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: ModuleFiles <module.dll> <references.txt> <manifest.psd1> <output folder>");
    return 2;
}
var (moduleDll, referencesFile, manifestTemplate, outputFolder) = (args[0], args[1], args[2], args[3]);
var moduleFolder = Path.GetDirectoryName(Path.GetFullPath(moduleDll))!;
var paths = File.ReadAllLines(referencesFile).Where(l => l.Length > 0)
    .Concat(Directory.GetFiles(moduleFolder, "*.dll"))
    .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
try
{
    var module = context.LoadFromAssemblyPath(Path.GetFullPath(moduleDll));
    var assemblies = new[] { module }.Concat(Directory.GetFiles(moduleFolder, "OpenStackOrchestrator*.dll")
        .Where(p => !string.Equals(Path.GetFullPath(p), Path.GetFullPath(moduleDll), StringComparison.OrdinalIgnoreCase))
        .Select(context.LoadFromAssemblyPath)).ToList();

    var manifest = ManifestWriter.WithExports(File.ReadAllText(manifestTemplate), CmdletScanner.CommandNames(module));
    WriteIfChanged(Path.Combine(outputFolder, Path.GetFileName(manifestTemplate)), manifest);
    var views = FormatWriter.Write(assemblies.SelectMany(a => a.GetTypes()).SelectMany(TableViewReader.Read));
    WriteIfChanged(Path.Combine(outputFolder, "OpenStackOrchestrator.Resources.format.ps1xml"), views);
    return 0;
}
catch (ViewDeclarationException e)
{
    Console.Error.WriteLine($"ModuleFiles: error: {e.Message}");
    return 1;
}

static void WriteIfChanged(string path, string content)
{
    if (File.Exists(path) && File.ReadAllText(path) == content)
        return;
    File.WriteAllText(path, content);
}
