using OpenStackOrchestrator.HelpBuilder;

// dotnet run --project tools/HelpBuilder -- [repoRoot] [--check]
// Writes en-US/*.dll-Help.xml and en-US/about_*.help.txt from docs/. With --check, writes nothing and exits 1
// when a committed file differs from what docs/ generates.
var check = args.Contains("--check");
var root = args.FirstOrDefault(a => a != "--check") ?? FindRepoRoot(Directory.GetCurrentDirectory());
if (root == null)
{
    Console.Error.WriteLine("HelpBuilder: no Module.sln in this folder or above; pass the repository root.");
    return 2;
}

try
{
    var files = HelpGenerator.Generate(root);
    if (check)
    {
        var stale = files.Where(f => HelpGenerator.IsOutOfDate(root, f)).ToList();
        stale.ForEach(f => Console.Error.WriteLine($"{f.RelativePath} is out of date with docs/: run dotnet run --project tools/HelpBuilder"));
        return stale.Count == 0 ? 0 : 1;
    }
    var written = HelpGenerator.Write(root, files);
    foreach (var file in files)
        Console.WriteLine($"{file.RelativePath}{(written.Contains(file) ? "" : " (unchanged)")}");
    return 0;
}
catch (Exception e) when (e is HelpFormatException or IOException)
{
    Console.Error.WriteLine($"HelpBuilder: {e.Message}");
    return 1;
}

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Module.sln")))
            return dir.FullName;
    return null;
}
