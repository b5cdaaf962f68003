namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>press-release, statement, speech, report, summary, blog or news, from the title's words and weighted cues in the text.</summary>
public sealed class KindClassifier(KindData data)
{
    public const string Default = "news";

    public string Classify(string? title, string text)
    {
        var lowerTitle = title?.ToLowerInvariant() ?? string.Empty;
        foreach (var (kind, words) in data.TitleWords)
        {
            if (words.Any(w => lowerTitle.Contains(w, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        var lower = text.ToLowerInvariant();
        var best = data.Signals
            .Select(s => (Kind: s.Key, Score: s.Value.Sum(cue => Occurrences(lower, cue.Key) * cue.Value)))
            .MaxBy(s => s.Score);
        return best.Score >= 2 ? best.Kind : Default;
    }

    private static int Occurrences(string text, string cue)
    {
        var count = 0;
        for (var i = text.IndexOf(cue, StringComparison.Ordinal); i >= 0 && count < 5; i = text.IndexOf(cue, i + cue.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
