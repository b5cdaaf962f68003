namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// Themes and GCM objectives (1–23) by the keywords the data gives each, in the three languages. A keyword is a
/// whole word or phrase (a plural allowed); one ending in * is a stem ("vaccin*": vaccine, vaccination).
/// One pass over the text: at each word start only the keywords beginning with that letter are compared.
/// </summary>
public sealed class ThemeTagger
{
    private readonly Dictionary<char, List<Keyword>> _byFirstLetter;
    private readonly List<string> _themeOrder;

    public ThemeTagger(ThemeData themes, GcmData gcm)
    {
        var keywords = themes.Themes.SelectMany(t => t.Keywords.Select(k => Keyword.From(k, t.Slug, null)))
            .Concat(gcm.Objectives.SelectMany(o => o.Keywords.Select(k => Keyword.From(k, null, o.Number))));
        _byFirstLetter = keywords.GroupBy(k => k.Text[0]).ToDictionary(g => g.Key, g => g.ToList());
        _themeOrder = themes.Themes.Select(t => t.Slug).ToList();
    }

    public (IReadOnlyList<string> Themes, IReadOnlyList<int> Objectives) Tag(string text)
    {
        var lower = Normal(text);
        var themes = new HashSet<string>();
        var objectives = new SortedSet<int>();
        for (var i = 0; i < lower.Length; i++)
        {
            if ((i > 0 && char.IsLetter(lower[i - 1])) || !_byFirstLetter.TryGetValue(lower[i], out var candidates))
            {
                continue;
            }

            foreach (var keyword in candidates)
            {
                if (keyword.MatchesAt(lower, i))
                {
                    _ = keyword.Theme is { } theme ? themes.Add(theme) : objectives.Add(keyword.Objective!.Value);
                }
            }
        }

        return (_themeOrder.Where(themes.Contains).ToList(), objectives.ToList());
    }

    // Same length as the text: lower case, one apostrophe.
    private static string Normal(string text) => text.ToLowerInvariant().Replace('’', '\'');

    private sealed record Keyword(string Text, bool IsStem, string? Theme, int? Objective)
    {
        public static Keyword From(string written, string? theme, int? objective) =>
            new(Normal(written.TrimEnd('*')), written.EndsWith('*'), theme, objective);

        public bool MatchesAt(string text, int start)
        {
            if (!text.AsSpan(start).StartsWith(Text, StringComparison.Ordinal))
            {
                return false;
            }

            var end = start + Text.Length;
            return IsStem || EndsWord(text, end) || (At(text, end, "s") && EndsWord(text, end + 1)) || (At(text, end, "es") && EndsWord(text, end + 2));
        }

        private static bool At(string text, int index, string suffix) => text.AsSpan(index).StartsWith(suffix, StringComparison.Ordinal);

        private static bool EndsWord(string text, int index) => index >= text.Length || !char.IsLetter(text[index]);
    }
}
