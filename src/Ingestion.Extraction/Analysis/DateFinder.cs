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
/// "11 décembre 2019", "27 de mayo de 2022", "May 21, 2024", "December 3", "30 May – 2 June 2024", "2024-05-21".
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
        const string day = @"(?:[0-3]?[0-9])(?:er|st|nd|rd|th|º|°)?";
        const string dash = @"\s*(?:[-–—]|to|au|al|a|y|et|and)\s*";
        const string year = @"(?:,?\s+(?:de\s+|del\s+)?(?<year>(?:19|20)[0-9]{2}))";
        _dates = new Regex(
            $@"(?<![\p{{L}}0-9])(?:" +
            $@"(?<iso>(?<iy>(?:19|20)[0-9]{{2}})-(?<im>[01][0-9])-(?<id>[0-3][0-9]))" +
            $@"|(?:du\s+)?(?<d5>{day})\s+(?:de\s+)?(?<m5>{month}){dash}(?<d6>{day})\s+(?:de\s+)?(?<m6>{month}){year}?" +
            $@"|(?<d1>{day})(?:{dash}(?<d2>{day}))?\s+(?:de\s+)?(?<m1>{month}){year}?" +
            $@"|(?<m2>{month})\s+(?<d3>{day})(?:{dash}(?<d4>{day}))?(?![\p{{L}}0-9])(?:{year})?" +
            $@")(?![\p{{L}}0-9])",
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

            int? year = m.Groups["year"].Success ? Int(m.Groups["year"]) : null;
            if (m.Groups["m5"].Success)
            {
                // "30 May – 2 June": a range across two months.
                if (_months.TryGetValue(m.Groups["m5"].Value.TrimEnd('.'), out var from) && _months.TryGetValue(m.Groups["m6"].Value.TrimEnd('.'), out var to))
                {
                    found.Add(new WrittenDate(m.Index, m.Length, year, from, Int(m.Groups["d5"]), Int(m.Groups["d6"]), to));
                }

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
            if (_months.TryGetValue(monthText, out var month))
            {
                found.Add(new WrittenDate(m.Index, m.Length, year, month, Int(dayGroup), endGroup.Success ? Int(endGroup) : null, null));
            }
        }

        // A date without its year borrows the nearest year written before it (or the first one, for a dateline).
        var years = TextLayout.Year().Matches(text).Select(y => (y.Index, Year: int.Parse(y.Value, CultureInfo.InvariantCulture))).ToList();
        var dated = new List<WrittenDate>(found.Count);
        var next = 0;
        foreach (var date in found)
        {
            while (next < years.Count && years[next].Index < date.Index)
            {
                next++;
            }

            dated.Add(date.Year is not null || years.Count == 0 ? date : date.WithYear(years[Math.Max(0, next - 1)].Year));
        }

        return dated.Where(d => d.Start is not null).ToList();
    }

    private static int Int(Group g) => int.Parse(g.Value.AsSpan(0, g.Value.TakeWhile(char.IsAsciiDigit).Count()), CultureInfo.InvariantCulture);
}
