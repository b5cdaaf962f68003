using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Turns every format's blocks into the one text convention the analysis stage relies on: boilerplate out,
/// footnotes at the end, soft line breaks joined, whitespace normalised, paragraphs separated by one blank line
/// and the items of a list by single newlines.
/// </summary>
internal sealed partial class TextComposer(Boilerplate boilerplate)
{
    /// <summary>How a list item starts in the composed text ("- " or "12. "); the analysis stage reads lists by it.</summary>
    public const string ListItemMarker = @"(?:- |[0-9]{1,4}\. )";

    public string Compose(IEnumerable<Block> blocks)
    {
        var kept = Footnotes.MoveToEnd(StripBoilerplate(blocks)).SelectMany(SplitAtShortLines).ToList();
        if (kept.Count > 0 && IsTitleBlock(kept[0]))
        {
            kept = [.. kept[0].Text.Split('\n').Select(line => kept[0] with { Text = line }), .. kept.Skip(1)];
        }

        var words = KnownWords(kept);
        var text = new StringBuilder();
        Block? previous = null;
        foreach (var block in kept)
        {
            var line = Normalise(JoinLines(block.Text, words));
            if (line.Length == 0)
            {
                continue;
            }

            if (previous is not null)
            {
                text.Append(previous.Kind == BlockKind.ListItem && block.Kind == BlockKind.ListItem && previous.ListId == block.ListId ? "\n" : "\n\n");
            }

            if (block.Kind == BlockKind.ListItem)
            {
                text.Append(block.ListNumber > 0 ? $"{block.ListNumber}. " : "- ");
            }

            text.Append(line);
            previous = block;
        }

        // Composed accents (PDFs often decompose "é"), so "Genève" and "décembre" match the data.
        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Removes the letterhead at the top, the comment section at the bottom and furniture lines and sentences anywhere.</summary>
    private List<Block> StripBoilerplate(IEnumerable<Block> blocks)
    {
        var kept = new List<Block>();
        var atTop = true;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Rule)
            {
                kept.Add(block);
                continue;
            }

            var lines = new List<string>();
            foreach (var line in block.Text.Split('\n'))
            {
                if (boilerplate.IsTailMarker(line))
                {
                    AddIfAny(kept, block, lines);
                    return kept;
                }

                if (string.IsNullOrWhiteSpace(line) || boilerplate.IsFurnitureLine(line) || (atTop && boilerplate.IsLetterheadLine(line)))
                {
                    continue;
                }

                atTop = false;
                lines.Add(line);
            }

            AddIfAny(kept, block, lines);
        }

        return kept;
    }

    private void AddIfAny(List<Block> kept, Block block, List<string> lines)
    {
        var text = boilerplate.RemoveSentences(Footnotes.SeparateMarkers(string.Join('\n', lines)));
        if (!string.IsNullOrWhiteSpace(text))
        {
            kept.Add(block with { Text = text });
        }
    }

    /// <summary>
    /// The first block of a text made of a few short lines none of which ends a sentence is a title block
    /// ("Title\nSubtitle, 15–16 October 2019"): each line stands alone instead of being joined as prose.
    /// </summary>
    private static bool IsTitleBlock(Block block)
    {
        const int MaxLines = 4;
        const int MaxLineLength = 120;
        var lines = block.Text.Split('\n');
        return block.Kind == BlockKind.Paragraph && lines.Length is > 1 and <= MaxLines
            && lines.All(l => l.Trim().Length is > 0 and <= MaxLineLength && !l.TrimEnd().EndsWith('.') && !l.TrimEnd().EndsWith(','));
    }

    /// <summary>
    /// Wrapped prose has lines of similar length; a line much shorter than the block's longest was ended on
    /// purpose ("Workshop Summary" above "84th Council Session, 2-4 December 2002", a name above an address).
    /// So was a headline standing over the first line of narrowly wrapped prose: as long as that line or longer,
    /// not ending in punctuation or a small word, and followed by a capital or a number (the event's dates).
    /// </summary>
    private static IEnumerable<Block> SplitAtShortLines(Block block)
    {
        var lines = block.Text.Split('\n');
        if (block.Kind != BlockKind.Paragraph || lines.Length < 2)
        {
            yield return block;
            yield break;
        }

        if (IsHeadlineOver(lines[0], lines[1]))
        {
            yield return block with { Text = lines[0] };
            foreach (var rest in SplitAtShortLines(block with { Text = string.Join('\n', lines[1..]) }))
            {
                yield return rest;
            }

            yield break;
        }

        var longest = lines.Max(l => l.Trim().Length);
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            // "…check back in a few hours." over "The Case of Faith-Based Organizations": a last line without a stop
            // after a sentence that ended is a heading, not the sentence's end; a short last line that starts with a
            // number under a line of icons that never stops ("…shareicon tagicon" over "9 Oct, 2018 13:05") is a stamp.
            var ended = i == lines.Length - 1 || lines[i].Trim().Length < longest * 0.6 || (i == start && i > 0 && IsHeadlineOver(lines[i], lines[i + 1]))
                || (i == lines.Length - 2 && EndsSentence(lines[i]) && !EndsClause(lines[i + 1]))
                || (i == lines.Length - 2 && !EndsClause(lines[i]) && !EndsClause(lines[i + 1]) && lines[i + 1].Trim().Length < longest * 0.6 && char.IsDigit(lines[i + 1].TrimStart().FirstOrDefault()));
            if (ended && !lines[i].TrimEnd().EndsWith('-'))
            {
                yield return block with { Text = string.Join('\n', lines[start..(i + 1)]) };
                start = i + 1;
            }
        }

        if (start < lines.Length)
        {
            yield return block with { Text = string.Join('\n', lines[start..]) };
        }
    }

    private static bool IsTitleCase(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && char.IsLetter(w[0])).ToList();
        return words.Count >= 3 && words.All(w => char.IsUpper(w[0]));
    }

    private static bool EndsSentence(string line) => line.TrimEnd() is { Length: > 0 } t && t[^1] is '.' or '!' or '?';

    private static bool EndsClause(string line) => line.TrimEnd() is { Length: > 0 } t && t[^1] is '.' or '!' or '?' or ':' or ';' or ',' or '"' or '”' or '»' or ')' or '-';

    private static bool IsHeadlineOver(string line, string next)
    {
        const int MinHeadlineLength = 40;
        var (head, body) = (line.Trim(), next.Trim());
        var lastWord = head[(head.LastIndexOf(' ') + 1)..];
        // A headline in title case ("IOM Council Focuses on Need for Partnerships") may be shorter than the prose under it.
        return head.Length >= MinHeadlineLength && (head.Length >= body.Length || IsTitleCase(head)) && body.Length > 0
            && (char.IsUpper(body[0]) || char.IsDigit(body[0]) || body[0] is '“' or '"' or '«')
            && !head.EndsWith(',') && !head.EndsWith(';') && !head.EndsWith(':') && !head.EndsWith('-')
            && !(lastWord.Length <= 3 && lastWord.All(char.IsLower));
    }

    /// <summary>
    /// Joins soft line breaks. A word hyphenated at a line end ("regu-\nlar") loses its hyphen unless the document
    /// spells it with one elsewhere ("socio-economic"), which is the best a reader without a dictionary can do.
    /// </summary>
    private static string JoinLines(string text, HashSet<string> words)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        return HyphenatedBreak().Replace(text, m =>
        {
            var hyphenated = m.Groups["head"].Value + "-" + m.Groups["tail"].Value;
            return words.Contains(hyphenated) ? hyphenated : m.Groups["head"].Value + m.Groups["tail"].Value;
        }).Replace('\n', ' ');
    }

    private static HashSet<string> KnownWords(List<Block> blocks)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in blocks.Where(b => b.Text.Contains('-', StringComparison.Ordinal)))
        {
            foreach (Match m in HyphenatedWord().Matches(block.Text))
            {
                words.Add(m.Value);
            }
        }

        return words;
    }

    /// <summary>One line: no control characters, every kind of space a single plain space, no invisible characters.</summary>
    public static string Normalise(string text) => Spaces().Replace(Invisible().Replace(text, string.Empty), " ").Trim();

    [GeneratedRegex(@"(?<head>\p{L}+)-[ \t]*\n[ \t]*(?<tail>\p{Ll}+)", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedBreak();

    [GeneratedRegex(@"\p{L}+-\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedWord();

    [GeneratedRegex(@"[\u00AD\u200B-\u200D\u2060\uFEFF]|[\p{Cc}-[\t\n\r]]", RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"[\s\p{Zs}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
