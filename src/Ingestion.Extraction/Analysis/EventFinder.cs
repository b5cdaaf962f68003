using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>An event the text refers to, resolved against the calendar where the calendar knows it.</summary>
public sealed record FoundEvent(string Slug, string Name, DateOnly? Start, DateOnly? End, int FirstIndex);

/// <summary>
/// IDM sessions by year and place, IOM Council sessions by number, the IMRF, International Migrants Day and GCM
/// regional reviews. A mention without its year takes the year written nearest to it, or the document's year.
/// </summary>
public sealed class EventFinder
{
    private const int Window = 160;
    private readonly CalendarData _calendar;
    private readonly Dictionary<string, Regex> _series;
    private readonly Dictionary<string, Regex> _places;
    private readonly Regex _ordinal;
    private readonly Regex _ordinalBefore;
    private readonly Regex _councilSession;
    private readonly List<(RecurringDay Day, Regex Aliases)> _recurring;

    public EventFinder(CalendarData calendar)
    {
        _calendar = calendar;
        _series = calendar.SeriesPatterns.ToDictionary(s => s.Key, s => Phrases.Matcher(s.Value, RegexOptions.None));
        _places = calendar.Places.ToDictionary(p => p.Key, p => Phrases.Matcher(p.Value, RegexOptions.None));
        _councilSession = new Regex(
            $@"(?<number>[0-9]{{1,3}})(?:st|nd|rd|th|e|ème|º|°)?\s+(?:{Phrases.Alternation(calendar.SeriesPatterns["iom-council"])})" +
            $@"|(?:IOM\s+|OIM\s+)?(?:Council|Conseil|Consejo),?\s+(?<number>[0-9]{{1,3}})(?:st|nd|rd|th|e|ème|º|°)?\s+[Ss]ession",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _recurring = calendar.Recurring.Select(r => (r, Phrases.Matcher(r.Aliases))).ToList();
        _ordinal = new Regex($@"(?<![\p{{L}}])(?<ordinal>{Phrases.Alternation(calendar.Ordinals.Keys)})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _ordinalBefore = new Regex($@"(?<![\p{{L}}])(?<ordinal>{Phrases.Alternation(calendar.Ordinals.Keys)})\s+(?:\p{{L}}+\s+){{0,2}}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IReadOnlyList<FoundEvent> Find(string text, int? documentYear)
    {
        var found = new Dictionary<string, FoundEvent>(StringComparer.Ordinal);
        void Add(FoundEvent e) => found.TryAdd(e.Slug, e);

        var documentPlace = _places.Select(p => (p.Key, Count: p.Value.Count(text))).Where(p => p.Count > 0).OrderByDescending(p => p.Count).Select(p => p.Key).FirstOrDefault();
        foreach (Match m in _series["idm"].Matches(text))
        {
            var around = Around(text, m);
            var year = YearNear(text, m) ?? documentYear;
            if (year is null)
            {
                continue;
            }

            var place = _places.FirstOrDefault(p => p.Value.IsMatch(around)).Key ?? documentPlace;
            var session = _ordinal.Match(around) is { Success: true } o && around.Contains("session", StringComparison.OrdinalIgnoreCase)
                && _calendar.Ordinals.TryGetValue(o.Groups["ordinal"].Value.ToLowerInvariant(), out var n) ? n : (int?)null;
            var known = _calendar.Events.Where(e => e.Series == "idm" && e.Year == year).ToList();
            var match = known.FirstOrDefault(e => place is not null && Slug(e.Place) == place)
                        ?? known.FirstOrDefault(e => session is not null && e.Session == session);
            Add(match is not null
                ? From(match, m.Index)
                : new FoundEvent(place is null ? $"idm-{year}" : $"idm-{year}-{place}", $"International Dialogue on Migration {year}", null, null, m.Index));
        }

        foreach (Match m in _councilSession.Matches(text))
        {
            var number = int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture);
            var known = _calendar.Events.FirstOrDefault(e => e.Series == "iom-council" && e.Number == number);
            Add(known is not null ? From(known, m.Index) : new FoundEvent($"iom-council-{number}", $"IOM Council, {Ordinal(number)} Session", null, null, m.Index));
        }

        foreach (Match m in _series["imrf"].Matches(text))
        {
            // "the first IMRF", "la deuxième édition du FEMI": the ordinal stands just before the name.
            var number = _ordinalBefore.Match(text[Math.Max(0, m.Index - 40)..m.Index]) is { Success: true } o
                && _calendar.Ordinals.TryGetValue(o.Groups["ordinal"].Value.ToLowerInvariant(), out var n) ? n : (int?)null;
            var year = YearNear(text, m);
            var known = _calendar.Events.Where(e => e.Series == "imrf").FirstOrDefault(e => (number is not null && e.Number == number) || (year is not null && e.Year == year))
                        ?? _calendar.Events.Where(e => e.Series == "imrf" && documentYear is not null && e.Year >= documentYear).MinBy(e => e.Year);
            if (known is not null)
            {
                Add(From(known, m.Index));
            }
        }

        foreach (Match m in _series["gcm-regional-review"].Matches(text))
        {
            if ((YearNear(text, m) ?? documentYear) is { } year)
            {
                Add(new FoundEvent($"gcm-regional-review-{year}", $"Regional Review of the Global Compact for Migration {year}", null, null, m.Index));
            }
        }

        foreach (var (day, aliases) in _recurring)
        {
            foreach (Match m in aliases.Matches(text))
            {
                if ((YearNear(text, m) ?? documentYear) is { } year)
                {
                    var date = new DateOnly(year, day.Month, day.Day);
                    Add(new FoundEvent($"{day.Series}-{year}", $"{day.Name} {year}", date, date, m.Index));
                }
            }
        }

        return found.Values.OrderBy(e => e.FirstIndex).ToList();
    }

    private static FoundEvent From(CalendarEvent e, int index) => new(e.Slug, e.Name, e.Start, e.End, index);

    private static string? Slug(string? place) => place?.ToLowerInvariant().Replace(' ', '-');

    private static string Around(string text, Match m) =>
        text[Math.Max(0, m.Index - Window)..Math.Min(text.Length, m.Index + m.Length + Window)];

    /// <summary>The year in the same sentence, closest to the mention ("IDM 2024", "the 2017 IDM", "IDMigration2024").</summary>
    private static int? YearNear(string text, Match m)
    {
        var from = Math.Max(0, m.Index - Window);
        var to = Math.Min(text.Length, m.Index + m.Length + Window);
        var sentenceStart = m.Index == 0 ? from : text.LastIndexOfAny(['.', '\n'], m.Index - 1, m.Index - from) is var s and >= 0 ? s : from;
        var sentenceEnd = text.IndexOfAny(['.', '\n'], m.Index + m.Length, to - m.Index - m.Length) is var e and >= 0 ? e : to;
        return TextLayout.Year().Matches(text[sentenceStart..sentenceEnd])
            .Select(y => (Value: int.Parse(y.Value, CultureInfo.InvariantCulture), Distance: Math.Abs(sentenceStart + y.Index - m.Index)))
            .OrderBy(y => y.Distance)
            .Select(y => (int?)y.Value)
            .FirstOrDefault();
    }

    private static string Ordinal(int n) => n % 100 is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" };
}
