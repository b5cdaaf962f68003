using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A date or a range of days written in the text. Year is null when the text left it out ("on December 3").</summary>
public sealed record WrittenDate(int Index, int Length, int? Year, int Month, int Day, int? EndDay, int? EndMonth)
{
    public DateOnly? Start => Year is { } y ? Safe(y, Month, Day) : null;

    public DateOnly? End => Year is { } y && EndDay is { } d ? Safe(y, EndMonth ?? Month, d) : null;

    public WrittenDate WithYear(int year) => this with { Year = year };

    private static DateOnly? Safe(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}

/// <summary>
/// Finds dates in English, French and Spanish shapes: "17 April 2017", "21 – 22 May 2024", "2-4 December 2002",
/// "11 décembre 2019", "27 de mayo de 2022", "May 21, 2024", "December 3", "2024-05-21".
/// A date without a year takes the nearest year written before it.
/// </summary>
public sealed class DateFinder
{
    private readonly IReadOnlyDictionary<string, int> _months;
    private readonly Regex _dates;

    public DateFinder(LanguageData language)
    {
        _months = new Dictionary<string, int>(language.Months, StringComparer.OrdinalIgnoreCase);
        var month = $@"(?:{Phrases.Alternation(_months.Keys)})\.?";
        const string day = @"(?:[0-3]?\d)(?:er|st|nd|rd|th|º|°)?";
        const string dash = @"\s*(?:[-–—]|to|au|al|a|y|et|and)\s*";
        const string year = @"(?:,?\s+(?:de\s+|del\s+)?(?<year>(?:19|20)\d\d))";
        _dates = new Regex(
            $@"(?<![\p{{L}}\d])(?:" +
            $@"(?<iso>(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d))" +
            $@"|(?<d1>{day})(?:{dash}(?<d2>{day}))?\s+(?:de\s+)?(?<m1>{month}){year}?" +
            $@"|(?<m2>{month})\s+(?<d3>{day})(?:{dash}(?<d4>{day}))?(?![\p{{L}}\d])(?:{year})?" +
            $@")(?![\p{{L}}\d])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IReadOnlyList<WrittenDate> Find(string text)
    {
        var found = new List<WrittenDate>();
        foreach (Match m in _dates.Matches(text))
        {
            if (m.Groups["iso"].Success)
            {
                found.Add(new WrittenDate(m.Index, m.Length, Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]), null, null));
                continue;
            }

            var monthText = (m.Groups["m1"].Success ? m.Groups["m1"] : m.Groups["m2"]).Value.TrimEnd('.');
            // "May" and "mar" are also ordinary words: only trust them with a capital or beside a year.
            if (monthText.Length <= 3 && !m.Groups["year"].Success && !char.IsUpper(monthText[0]))
            {
                continue;
            }

            var dayGroup = m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d3"];
            var endGroup = m.Groups["d2"].Success ? m.Groups["d2"] : m.Groups["d4"];
            int? year = m.Groups["year"].Success ? Int(m.Groups["year"]) : null;
            found.Add(new WrittenDate(m.Index, m.Length, year, _months[monthText], Int(dayGroup), endGroup.Success ? Int(endGroup) : null, null));
        }

        // A date without its year borrows the nearest year written before it (or after, for a dateline).
        var years = Regex.Matches(text, @"(?<!\d)(?:19|20)\d\d(?!\d)").Select(y => (y.Index, Year: int.Parse(y.Value, CultureInfo.InvariantCulture))).ToList();
        return found.Select(d => d.Year is not null || years.Count == 0
                ? d
                : d.WithYear(years.LastOrDefault(y => y.Index < d.Index, years[0]).Year))
            .Where(d => d.Start is not null)
            .ToList();
    }

    public int? MonthNumber(string word) => _months.TryGetValue(word.TrimEnd('.'), out var m) ? m : null;

    private static int Int(Group g) => int.Parse(new string(g.Value.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
}
