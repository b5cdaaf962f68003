using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Plain text (no library: .NET's own decoders): blank lines separate paragraphs, lines starting with a bullet or
/// "N." / "N)" are list items, other line breaks are soft. A line of dashes is a rule (footnotes may follow).
/// </summary>
internal static partial class PlainTextReader
{
    public static ReadBlocks Read(string text)
    {
        var blocks = new List<Block>();
        var listId = 1;
        foreach (var chunk in ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')))
        {
            var paragraph = new List<string>();
            foreach (var line in chunk.Split('\n'))
            {
                var item = ListItem().Match(line);
                if (item.Success || RuleLine().IsMatch(line))
                {
                    listId += Flush(blocks, paragraph) ? 1 : 0;
                    blocks.Add(item.Success
                        ? Block.Item(item.Groups["text"].Value, int.TryParse(item.Groups["number"].Value, out var n) ? n : 0, listId)
                        : Block.Rule);
                }
                else if (blocks.Count > 0 && blocks[^1].Kind == BlockKind.ListItem && paragraph.Count == 0 && char.IsWhiteSpace(line.FirstOrDefault()))
                {
                    blocks[^1] = blocks[^1] with { Text = blocks[^1].Text + "\n" + line }; // An item's indented continuation line.
                }
                else
                {
                    paragraph.Add(line);
                }
            }

            listId += Flush(blocks, paragraph) ? 1 : 0;
        }

        return new ReadBlocks(blocks);
    }

    /// <summary>Markdown sent as text/plain: a heading, a link, inline &lt;sup&gt;, bold text or an autolink gives it away.</summary>
    public static bool LooksLikeMarkdown(string text) => MarkdownSignal().IsMatch(text);

    /// <summary>Adds the lines gathered as a paragraph, if any; a paragraph ends the list before it.</summary>
    private static bool Flush(List<Block> blocks, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return false;
        }

        blocks.Add(Block.Paragraph(string.Join('\n', lines)));
        lines.Clear();
        return true;
    }

    [GeneratedRegex(@"\n[ \t\u00A0]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"^\s{0,3}(?:[-*•·▪◦‣]|(?<number>\d{1,3})[.)])\s+(?<text>\S.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s{0,3}([-_*])(\s*\1){2,}\s*$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"(?m)^#{1,6}[ \t]+\S|<sup>\s*\d|\[[^\]\n]+\]\([^)\s]*\)|\*\*[^*\n]+\*\*|<https?://[^>\s]+>", RegexOptions.IgnoreCase)]
    private static partial Regex MarkdownSignal();
}
