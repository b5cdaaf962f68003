using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>Themes and GCM objectives (1–23) by the keywords the data gives each, in the three languages.</summary>
public sealed class ThemeTagger
{
    private readonly List<(string Slug, Regex Keywords)> _themes;
    private readonly List<(int Number, Regex Keywords)> _objectives;

    public ThemeTagger(ThemeData themes, GcmData gcm)
    {
        _themes = themes.Themes.Select(t => (t.Slug, Prefixes(t.Keywords))).ToList();
        _objectives = gcm.Objectives.Select(o => (o.Number, Prefixes(o.Keywords))).ToList();
    }

    public IReadOnlyList<string> Themes(string text) => _themes.Where(t => t.Keywords.IsMatch(text)).Select(t => t.Slug).ToList();

    public IReadOnlyList<int> Objectives(string text) => _objectives.Where(o => o.Keywords.IsMatch(text)).Select(o => o.Number).ToList();

    // Keywords are whole words or phrases (a plural allowed); one ending in * is a stem ("vaccin*": vaccine, vaccination).
    private static Regex Prefixes(IReadOnlyList<string> keywords)
    {
        var stems = keywords.Where(k => k.EndsWith('*')).Select(k => k.TrimEnd('*')).ToList();
        var words = keywords.Where(k => !k.EndsWith('*')).ToList();
        var pattern = $@"(?<![\p{{L}}])(?:(?:{Phrases.Alternation(words)})(?:s|es)?(?![\p{{L}}])" + (stems.Count > 0 ? $@"|(?:{Phrases.Alternation(stems)})\p{{L}}*)" : ")");
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
