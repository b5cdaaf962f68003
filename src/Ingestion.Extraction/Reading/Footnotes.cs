using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Footnote markers are written " [n]" and kept apart from the words they stick to; footnote bodies go to the
/// end of the text, so a paragraph that a page's footnote block cut in two becomes whole again.
/// </summary>
internal static partial class Footnotes
{
    /// <summary>How readers write a marker they recognised (a &lt;sup&gt;1&lt;/sup&gt;, a DOCX footnote reference).</summary>
    public static string Marker(string number) => $" [{number}] ";

    /// <summary>"14,000[1]" and "14,000 [^1]" → "14,000 [1]".</summary>
    public static string SeparateMarkers(string text) => StuckMarker().Replace(text, " [${n}]");

    /// <summary>Moves footnote bodies after the body text and rejoins what a footnote block split.</summary>
    public static List<Block> MoveToEnd(IReadOnlyList<Block> blocks)
    {
        var body = new List<Block>();
        var notes = new List<Block>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == BlockKind.Footnote)
            {
                notes.Add(block);
                continue;
            }

            if (block.Kind != BlockKind.Rule)
            {
                body.Add(block);
                continue;
            }

            // A rule followed by lines that start with a marker is a footnote block; any other rule is just dropped.
            var next = i + 1;
            while (next < blocks.Count && blocks[next].Kind is BlockKind.Paragraph or BlockKind.Footnote && StartsWithMarker(blocks[next].Text))
            {
                notes.Add(blocks[next] with { Kind = BlockKind.Footnote });
                next++;
            }

            if (next > i + 1 && next < blocks.Count && body.Count > 0 && IsCut(body[^1], blocks[next]))
            {
                body[^1] = body[^1] with { Text = body[^1].Text.TrimEnd() + " " + blocks[next].Text.TrimStart() };
                next++;
            }

            i = next - 1;
        }

        body.AddRange(notes);
        return body;
    }

    public static bool StartsWithMarker(string text) => LeadingMarker().IsMatch(text);

    // The paragraph before the notes stops mid-sentence, or the one after starts in lower case.
    private static bool IsCut(Block before, Block after) =>
        before.Kind == BlockKind.Paragraph && after.Kind == BlockKind.Paragraph
        && (!SentenceEnd().IsMatch(before.Text) || (after.Text.TrimStart() is { Length: > 0 } rest && char.IsLower(rest[0])));

    [GeneratedRegex(@"(?<=[\p{L}\p{N}\p{P}])\s*\[\^?(?<n>\d{1,3})\]", RegexOptions.CultureInvariant)]
    private static partial Regex StuckMarker();

    [GeneratedRegex(@"^\s*\[\^?\d{1,3}\]", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex("""[.!?:;»"”’…)\]]\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
