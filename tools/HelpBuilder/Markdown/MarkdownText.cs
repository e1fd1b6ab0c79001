using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OpenStackOrchestrator.HelpBuilder.Markdown;

/// <summary>Markdown to the plain text help shows: soft line breaks become spaces, emphasis markers go,
/// `code` keeps its backticks, a link keeps its text and an absolute URL in parentheses.</summary>
public static class MarkdownText
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline);

    /// <summary>The paragraphs a block stands for: one per paragraph, list item, table row or code block.</summary>
    public static IEnumerable<string> Paragraphs(Block block)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                yield return Inline(paragraph.Inline);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    yield return marker + string.Join(" ", item.SelectMany(Paragraphs));
                }
                break;
            case Table table:
                foreach (var row in TableRows(table))
                    yield return string.Join(" | ", row);
                break;
            case CodeBlock code:
                yield return CodeText(code);
                break;
            case QuoteBlock quote:
                foreach (var inner in quote.SelectMany(Paragraphs))
                    yield return inner;
                break;
            case HeadingBlock heading:
                yield return Inline(heading.Inline);
                break;
        }
    }

    public static string CodeText(CodeBlock code)
    {
        var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString().TrimEnd());
        return string.Join("\n", lines).Trim('\n');
    }

    public static List<List<string>> TableRows(Table table) =>
        table.OfType<TableRow>()
            .Select(row => row.OfType<TableCell>().Select(cell => string.Join(" ", cell.SelectMany(Paragraphs))).ToList())
            .ToList();

    public static string Inline(ContainerInline? container)
    {
        if (container == null)
            return "";
        var text = new StringBuilder();
        Append(text, container);
        return text.ToString().Trim();
    }

    /// <summary>The text of a link, without its URL.</summary>
    public static string LinkText(LinkInline link)
    {
        var text = new StringBuilder();
        foreach (var child in link)
            Append(text, child);
        return text.ToString().Trim();
    }

    /// <summary>The links of a paragraph (for RELATED LINKS).</summary>
    public static IEnumerable<LinkInline> Links(ParagraphBlock paragraph) =>
        paragraph.Inline?.Descendants<LinkInline>().Where(l => !l.IsImage) ?? Enumerable.Empty<LinkInline>();

    public static bool IsAbsoluteUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case LinkInline link:
                var linkText = LinkText(link);
                text.Append(linkText);
                if (!link.IsImage && IsAbsoluteUrl(link.Url) && linkText != link.Url)
                    text.Append(" (").Append(link.Url).Append(')');
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(text, child);
                break;
        }
    }
}
