using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A date or a range of days written in the text. Year is null when the text writes no year at all ("on December 3").</summary>
public sealed record WrittenDate(int Index, int Length, int? Year, int Month, int Day, int? EndDay, int? EndMonth)
{
    /// <summary>False when the year was borrowed from elsewhere in the text ("GENEVA, 12 May –"), not written with the day.</summary>
    public bool YearWritten { get; init; } = true;

    public DateOnly? Start => Year is { } y ? Safe(y, Month, Day) : null;

    public DateOnly? End => Year is { } y && EndDay is { } d ? Safe(y, EndMonth ?? Month, d) : null;

    /// <summary>A day the calendar has: in its year, or in some year (a leap one) when the text left the year out.</summary>
    public bool IsReal => Safe(Year ?? 2000, Month, Day) is not null;

    public WrittenDate WithYear(int year) => this with { Year = year, YearWritten = false };

    private static DateOnly? Safe(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}

/// <summary>
/// Finds dates in English, French and Spanish shapes: "17 April 2017", "21 – 22 May 2024", "2-4 December 2002",
/// "11 décembre 2019", "27 de mayo de 2022", "May 21, 2024", "December 3", "30 May – 2 June 2024", "12th of May 2023",
/// "12-May-2023", "1.º de mayo", "2024-05-21", "2024-05-21T09:30:00Z", "2024/05/21", "21.05.2024", "21/05/2024".
/// A date without a year takes the nearest year written before it.
/// </summary>
public sealed partial class DateFinder
{
    private readonly IReadOnlyDictionary<string, int> _months;
    private readonly Regex _dates;
    private readonly HashSet<string> _ambiguousMonths;

    // How far a date reaches from its digits: the longest month name, links such as " de mayo del ", a range's dash.
    private const int WindowReach = 40;

    public DateFinder(LanguageData language)
    {
        _months = new Dictionary<string, int>(language.Months, StringComparer.OrdinalIgnoreCase);
        var words = language.DateWords;
        _ambiguousMonths = new HashSet<string>(words.AmbiguousMonths ?? [], StringComparer.OrdinalIgnoreCase);
        var month = $@"(?:{Phrases.Alternation(_months.Keys)})\.?";
        var day = $@"(?:[0-3]?[0-9])(?:{Phrases.Alternation(words.OrdinalSuffixes)})?";
        var dash = $@"\s*(?:[-–—]|{Phrases.Alternation(words.RangeWords)})\s*";
        var dayMonth = $@"(?:\s+(?:(?:{Phrases.Alternation(words.DayMonthLinks)})\s+)?|-)";
        var opener = $@"(?:(?:{Phrases.Alternation(words.RangeOpeners)})\s+)?";
        // "07 Jun '06": a news site's year in two digits after an apostrophe.
        var year = $@"(?:(?:,?\s+(?:(?:{Phrases.Alternation(words.MonthYearLinks)})\s+)?|-)(?<year>(?:19|20)[0-9]{{2}})|[ \t\u00A0]+['’](?<yy>[0-9]{{2}}))";
        // A clock time after an ISO day ("T09:30:00Z") belongs to the stamp, not to the words after it.
        const string time = @"(?:T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?";
        // Numbers only: not inside a path, a symbol or a longer number ("A/73/2018", "1.2.3.2020").
        const string alone = @"(?<![/.\-])";
        const string ends = @"(?![/.\-]?[0-9])";
        _dates = new Regex(
            $@"(?<![\p{{L}}0-9])(?:" +
            $@"{alone}(?<iso>(?<iy>(?:19|20)[0-9]{{2}})(?<isep>[-/.])(?<im>[01]?[0-9])\k<isep>(?<id>[0-3]?[0-9])){time}{ends}" +
            $@"|{alone}(?<num>(?<n1>[0-3]?[0-9])(?<nsep>[-/.])(?<n2>[0-3]?[0-9])\k<nsep>(?<ny>(?:19|20)[0-9]{{2}})){ends}" +
            $@"|{alone}(?<num>(?<n1>[0-3][0-9])(?<nsep>[/.])(?<n2>[01][0-9])\k<nsep>(?<ny>[0-9]{{2}})){ends}" +
            $@"|{opener}(?<d5>{day}){dayMonth}(?<m5>{month}){dash}(?<d6>{day}){dayMonth}(?<m6>{month}){year}?" +
            $@"|(?<d1>{day})(?:{dash}(?<d2>{day}))?{dayMonth}(?<m1>{month}){year}?" +
            $@"|(?<m2>{month})(?:\s+|-)(?<d3>{day})(?:{dash}(?<d4>{day}))?(?![\p{{L}}0-9])(?:{year})?" +
            // "November 6th, 2018A commentator…": a page run together may glue the story to the date's year.
            $@")(?:(?![\p{{L}}0-9])|(?<=[0-9]{{4}})(?=\p{{Lu}}[\p{{Ll}}\s]))",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    private static int TwoDigitYear(int yy) => yy < 70 ? 2000 + yy : 1900 + yy;

    /// <summary>
    /// The dates in a text. A numeric day such as 05/12/2023 is read month first when <paramref name="monthFirst"/> says
    /// the text's language writes it so, unless another numeric date in the same text shows its order (13/05/2023).
    /// </summary>
    public IReadOnlyList<WrittenDate> Find(string text, bool monthFirst = false)
    {
        var found = new List<WrittenDate>();
        var numeric = new List<Match>();
        foreach (var m in Matches(text))
        {
            if (m.Groups["iso"].Success)
            {
                found.Add(new WrittenDate(m.Index, m.Length, Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]), null, null));
                continue;
            }

            if (m.Groups["num"].Success)
            {
                numeric.Add(m);
                continue;
            }

            int? year = m.Groups["year"].Success ? Int(m.Groups["year"]) : m.Groups["yy"].Success ? TwoDigitYear(Int(m.Groups["yy"])) : null;
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
            // "may" and "mar" are also ordinary words (the list is data): only trust them with a capital, beside a year,
            // or closing a dateline ("Dakar, 26 sept (APS) –").
            if (_ambiguousMonths.Contains(monthText) && year is null && !char.IsUpper(monthText[0]) && !DatelineCloser().IsMatch(text, m.Index + m.Length))
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

        if (numeric.Count > 0)
        {
            found.AddRange(Numeric(numeric, monthFirst));
            found.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        // A date without its year borrows the nearest year written before it (or the first one, for a dateline); in a text
        // that writes no year at all it stays yearless, for the page's address to date ("GENEVA, 12 May –" under /2023/).
        var years = TextLayout.Year().Matches(text).Select(y => (y.Index, Year: int.Parse(y.Value, CultureInfo.InvariantCulture))).ToList();
        var dated = new List<WrittenDate>(found.Count);
        var next = 0;
        foreach (var date in found)
        {
            while (next < years.Count && years[next].Index < date.Index)
            {
                next++;
            }

            dated.Add(date.Year is not null ? date : years.Count == 0 ? date with { YearWritten = false } : date.WithYear(years[Math.Max(0, next - 1)].Year));
        }

        return dated.Where(d => d.IsReal).ToList();
    }

    /// <summary>
    /// Every date holds a digit, so the pattern runs only over windows around digits, never over the prose between
    /// them (most of a page). A window starts and ends beside whitespace, where the pattern's edges see what they
    /// would see in the whole text, and reaches far enough that no date is cut.
    /// </summary>
    private IEnumerable<Match> Matches(string text)
    {
        var position = 0;
        while (position < text.Length && text.AsSpan(position).IndexOfAnyInRange('0', '9') is var offset and >= 0)
        {
            var first = position + offset;
            var last = first;
            while (last + 1 < text.Length && text.AsSpan(last + 1).IndexOfAnyInRange('0', '9') is var gap and >= 0 && gap < 2 * WindowReach)
            {
                last += gap + 1;
            }

            var start = Math.Max(position, first - WindowReach);
            while (start > position && !char.IsWhiteSpace(text[start]))
            {
                start--;
            }

            var end = Math.Min(text.Length, last + WindowReach);
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            for (var m = _dates.Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                yield return m;
            }

            position = end;
        }
    }

    /// <summary>
    /// "21.05.2024" is day first everywhere; "05/21/2024" or "21/05/2024" says its order when one number is above 12,
    /// and that order holds for the text's other slashed dates; otherwise the language's habit decides.
    /// </summary>
    private static IEnumerable<WrittenDate> Numeric(List<Match> numeric, bool monthFirst)
    {
        var slashed = numeric.Where(m => m.Groups["nsep"].Value != ".").ToList();
        if (slashed.FirstOrDefault(m => Int(m.Groups["n1"]) > 12 || Int(m.Groups["n2"]) > 12) is { } telling)
        {
            monthFirst = Int(telling.Groups["n2"]) > 12;
        }

        foreach (var m in numeric)
        {
            var (first, second) = (Int(m.Groups["n1"]), Int(m.Groups["n2"]));
            var (month, day) = monthFirst && m.Groups["nsep"].Value != "." ? (first, second) : (second, first);
            if (month > 12)
            {
                // The habit gave an impossible month; the other order is the only reading.
                (month, day) = (day, month);
            }

            yield return new WrittenDate(m.Index, m.Length, Year(Int(m.Groups["ny"])), month, day, null, null);
        }
    }

    /// <summary>"19.09.16" is 2016, "03/05/98" 1998.</summary>
    private static int Year(int written) => written >= 100 ? written : written < 50 ? 2000 + written : 1900 + written;

    private static int Int(Group g) => int.Parse(g.Value.AsSpan(0, g.Value.TakeWhile(char.IsAsciiDigit).Count()), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\G[ \t]*(?:\(|[-–—]\s)")]
    private static partial Regex DatelineCloser();
}
