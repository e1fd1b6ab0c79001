using System.Text;
using OpenStackOrchestrator.HelpBuilder.About;
using OpenStackOrchestrator.HelpBuilder.Maml;
using OpenStackOrchestrator.HelpBuilder.Markdown;
using OpenStackOrchestrator.HelpBuilder.Model;

namespace OpenStackOrchestrator.HelpBuilder;

/// <summary>A help file to write, relative to the repository root, with '/' separators.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>docs/cmdlets/*.md → en-US/&lt;external help file&gt; (MAML); docs/about_*.md → en-US/about_*.help.txt.
/// The output depends only on the markdown (no dates, fixed order, '\n', UTF-8 without BOM), so it can be committed
/// and compared.</summary>
public static class HelpGenerator
{
    public const string CommandDocsFolder = "docs/cmdlets";
    public const string AboutDocsFolder = "docs";
    public const string OutputFolder = "en-US";
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IReadOnlyList<CommandHelp> ReadCommandDocs(string repoRoot)
    {
        var folder = Path.Combine(repoRoot, CommandDocsFolder);
        var commands = new List<CommandHelp>();
        foreach (var path in Directory.GetFiles(folder, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var command = CommandMarkdownReader.ReadFile(path);
            if (!string.Equals(command.Name + ".md", Path.GetFileName(path), StringComparison.OrdinalIgnoreCase))
                throw new HelpFormatException(path, 0, $"The file of '# {command.Name}' must be named {command.Name}.md.");
            commands.Add(command);
        }
        return commands;
    }

    public static IReadOnlyList<GeneratedFile> Generate(string repoRoot)
    {
        var files = ReadCommandDocs(repoRoot)
            .GroupBy(c => c.ExternalHelpFile!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GeneratedFile($"{OutputFolder}/{g.Key}", MamlWriter.Write(g)))
            .ToList();
        foreach (var path in AboutDocs(repoRoot))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            files.Add(new GeneratedFile($"{OutputFolder}/{name}.help.txt", AboutTopicWriter.Write(File.ReadAllText(path), path)));
        }
        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<string> AboutDocs(string repoRoot) =>
        Directory.GetFiles(Path.Combine(repoRoot, AboutDocsFolder), "about_*.md").OrderBy(p => p, StringComparer.Ordinal);

    public static string FullPath(string repoRoot, GeneratedFile file) =>
        Path.Combine(repoRoot, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True when the file on disk has other content (line endings aside: git may check out CRLF).</summary>
    public static bool IsOutOfDate(string repoRoot, GeneratedFile file)
    {
        var path = FullPath(repoRoot, file);
        return !File.Exists(path) || File.ReadAllText(path, Utf8).Replace("\r\n", "\n") != file.Content;
    }

    /// <summary>Writes the files whose content changed (leaving the others' timestamps alone); returns those written.</summary>
    public static IReadOnlyList<GeneratedFile> Write(string repoRoot, IEnumerable<GeneratedFile> files)
    {
        var written = new List<GeneratedFile>();
        foreach (var file in files.Where(f => IsOutOfDate(repoRoot, f)))
        {
            var path = FullPath(repoRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, Utf8);
            written.Add(file);
        }
        return written;
    }
}
