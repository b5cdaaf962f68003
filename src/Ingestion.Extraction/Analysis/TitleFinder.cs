namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// A plain text's title is its first short line (the reading stage has already removed any letterhead), joined
/// with a known subtitle ("Workshop Summary") when one follows it. A long first paragraph means no title.
/// </summary>
public sealed class TitleFinder(KindData kinds)
{
    private const int MaxTitleLength = 220;
    private readonly HashSet<string> _subtitles = new(kinds.Subtitles, StringComparer.OrdinalIgnoreCase);

    public string? Find(string text)
    {
        var lines = TextLayout.Lines(text).Take(3).Select(l => l.Text.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || !LooksLikeTitle(lines[0]))
        {
            return null;
        }

        return lines.Count > 1 && _subtitles.Contains(lines[1]) ? $"{lines[0]} — {lines[1]}" : lines[0];
    }

    private static bool LooksLikeTitle(string line) =>
        line.Length <= MaxTitleLength && !line.EndsWith('.') && !line.EndsWith(':') && !line.StartsWith("- ", StringComparison.Ordinal);
}
