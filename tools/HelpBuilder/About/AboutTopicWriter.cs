using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using OpenStackOrchestrator.HelpBuilder.Markdown;

namespace OpenStackOrchestrator.HelpBuilder.About;

/// <summary>Turns docs/about_*.md (PlatyPS's about template: "# Title", "## about_Name", "# SHORT DESCRIPTION",
/// "# LONG DESCRIPTION"...) into the plain-text about_*.help.txt that Get-Help about_Name shows.
/// Layout as PlatyPS's: TOPIC, then headings in upper case at column 0, text indented 4 and wrapped at 80;
/// code is indented 8 and tables are aligned.</summary>
public static class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";
    private const string CodeIndent = "        ";

    public static string Write(string markdown, string source = "about")
    {
        var blocks = MarkdownText.Parse(markdown).Where(b => b is not YamlFrontMatterBlock).ToList();
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
            throw new HelpFormatException(source, 0, "An about topic starts with a '# Title' heading.");

        var text = new StringBuilder();
        text.Append("TOPIC\n");
        var rest = blocks.Skip(1).ToList();
        // "## about_Name" right after the title names the topic; without it, the title does.
        if (rest.FirstOrDefault() is HeadingBlock { Level: 2 } topic)
        {
            text.Append(Indent).Append(MarkdownText.Inline(topic.Inline)).Append("\n\n");
            rest.RemoveAt(0);
        }
        else
        {
            text.Append(Indent).Append(MarkdownText.Inline(title.Inline)).Append("\n\n");
        }

        foreach (var block in rest)
            AppendBlock(text, block);
        return text.ToString().TrimEnd('\n', ' ') + "\n";
    }

    private static void AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var title = MarkdownText.Inline(heading.Inline);
                if (heading.Level == 1)
                    text.Append(title.ToUpperInvariant()).Append('\n');
                else if (heading.Level == 2)
                    text.Append(title).Append('\n');
                else
                    text.Append(Indent).Append(title.ToUpperInvariant()).Append('\n');
                break;
            case ListBlock list:
                foreach (var item in MarkdownText.Paragraphs(list))
                {
                    var marker = item.Substring(0, item.IndexOf(' ') + 1);
                    AppendWrapped(text, item.Substring(marker.Length), Indent + marker, Indent + new string(' ', marker.Length));
                }
                text.Append('\n');
                break;
            case CodeBlock code:
                foreach (var line in MarkdownText.CodeText(code).Split('\n'))
                    text.Append(line.Length == 0 ? "" : CodeIndent + line).Append('\n');
                text.Append('\n');
                break;
            case Table table:
                AppendTable(text, MarkdownText.TableRows(table));
                text.Append('\n');
                break;
            case ThematicBreakBlock:
                break;
            default:
                foreach (var paragraph in MarkdownText.Paragraphs(block))
                    foreach (var line in paragraph.Split('\n'))
                        AppendWrapped(text, line, Indent, Indent);
                text.Append('\n');
                break;
        }
    }

    /// <summary>Word-wraps <paramref name="words"/> to <see cref="Width"/> columns.</summary>
    public static void AppendWrapped(StringBuilder text, string words, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        var empty = true;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(nextIndent);
                empty = true;
            }
            if (!empty)
                line.Append(' ');
            line.Append(word);
            empty = false;
        }
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static void AppendTable(StringBuilder text, List<List<string>> rows)
    {
        if (rows.Count == 0)
            return;
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        void AppendRow(IReadOnlyList<string> cells)
        {
            var line = string.Join("  ", Enumerable.Range(0, columns).Select(c => (c < cells.Count ? cells[c] : "").PadRight(widths[c])));
            text.Append(Indent).Append(line.TrimEnd()).Append('\n');
        }
        AppendRow(rows[0]);
        AppendRow(widths.Select(w => new string('-', w)).ToList());
        foreach (var row in rows.Skip(1))
            AppendRow(row);
    }
}
