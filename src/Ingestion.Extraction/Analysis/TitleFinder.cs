namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// A plain text's title is its first short line that is not a letterhead, joined with a known subtitle
/// ("Workshop Summary") when one follows it. A long first paragraph means the text has no title.
/// </summary>
public sealed class TitleFinder(KindData kinds, OrganisationFinder organisations)
{
    private const int MaxTitleLength = 220;
    private readonly HashSet<string> _subtitles = new(kinds.Subtitles, StringComparer.OrdinalIgnoreCase);

    public string? Find(string text)
    {
        var lines = TextLayout.Lines(text).Select(l => l.Text.Trim().TrimStart('#').Trim()).Where(l => l.Length > 0).Take(8).ToList();
        var i = 0;
        while (i < lines.Count && organisations.IsLetterheadLine(lines[i]))
        {
            i++;
        }

        if (i >= lines.Count || !LooksLikeTitle(lines[i]))
        {
            return null;
        }

        var title = lines[i];
        return i + 1 < lines.Count && _subtitles.Contains(lines[i + 1]) ? $"{title} — {lines[i + 1]}" : title;
    }

    private static bool LooksLikeTitle(string line) =>
        line.Length <= MaxTitleLength && !line.EndsWith('.') && !line.EndsWith(':') && !line.StartsWith("- ", StringComparison.Ordinal);
}
