using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// When a text was published, as an expert reader would tell: a stated publication date or a dateline first;
/// otherwise from the calendar of the field — "gets underway later today" is the first day of the session
/// the text is about, "as we mark International Migrants Day" is 18 December, and "the third anniversary of
/// the adoption of the GCM" says which year.
/// </summary>
public sealed partial class PublicationDater
{
    private const int CueReach = 40;
    private readonly CalendarData _calendar;
    private readonly Regex _publishedCue;
    private readonly Regex _today;
    private readonly Regex _marking;
    private readonly Regex _anniversary;
    private readonly Regex _nextMonth;
    private readonly Regex _eventSeries;
    private readonly List<(RecurringDay Day, Regex Aliases)> _recurring;
    private readonly List<(CalendarAnchor Anchor, Regex Phrases)> _anchors;
    private readonly Dictionary<string, int> _months;

    public PublicationDater(CalendarData calendar, LanguageData language)
    {
        _calendar = calendar;
        _publishedCue = Phrases.Matcher(language.PublishedCues);
        _today = Phrases.Matcher(calendar.TodayWords);
        _marking = Phrases.Matcher(calendar.MarkingWords);
        _months = new Dictionary<string, int>(language.Months, StringComparer.OrdinalIgnoreCase);
        _eventSeries = Phrases.Matcher(calendar.SeriesPatterns.Values.SelectMany(p => p), RegexOptions.None);
        _recurring = calendar.Recurring.Select(r => (r, Phrases.Matcher(r.Aliases))).ToList();
        _anchors = calendar.Anchors.Select(a => (a, Phrases.Matcher(a.Phrases))).ToList();
        var next = Phrases.Alternation(calendar.NextWords);
        var month = Phrases.Alternation(language.Months.Keys);
        _nextMonth = new Regex($@"(?<![\p{{L}}])(?:(?:{next})\s+(?<month>{month})|(?<month>{month})\s+(?:{next}))(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var count = Phrases.Alternation(calendar.Ordinals.Keys.Concat(calendar.NumberWords.Keys));
        var anchors = Phrases.Alternation(calendar.Anchors.SelectMany(a => a.Phrases));
        _anniversary = new Regex(
            $@"(?<count>{count}|[0-9]{{1,2}})(?:st|nd|rd|th|e|º)?\s+(?:{Phrases.Alternation(calendar.AnniversaryWords)}|{Phrases.Alternation(calendar.YearsSinceWords)})[^.]{{0,40}}?(?<anchor>{anchors})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public DateOnly? Find(string text, IReadOnlyList<WrittenDate> dates, IReadOnlyList<FoundEvent> events)
    {
        foreach (Match cue in _publishedCue.Matches(text))
        {
            if (dates.FirstOrDefault(d => d.Index >= cue.Index && d.Index - (cue.Index + cue.Length) <= CueReach) is { Start: { } stated })
            {
                return stated;
            }
        }

        if (Dateline(text, dates) is { } dateline)
        {
            return dateline;
        }

        var sentences = TextLayout.Sentences(text).ToList();
        var session = events.FirstOrDefault(e => e.Start is not null && !_calendar.Recurring.Any(r => e.Slug.StartsWith(r.Series, StringComparison.Ordinal)));
        // "The IDM gets underway later today": today is the first day of the session the same sentence names.
        if (session is not null && sentences.Any(s => _today.IsMatch(s.Text) && FutureOrUnderway().IsMatch(s.Text) && _eventSeries.IsMatch(s.Text)))
        {
            return session.Start;
        }

        foreach (var sentence in sentences.Where(s => _marking.IsMatch(s.Text)))
        {
            var day = _recurring.FirstOrDefault(r => r.Aliases.IsMatch(sentence.Text)).Day;
            if (day is not null && (AnniversaryYear(sentence.Text) ?? YearBeforeNextMonth(text, events, day.Month) ?? LastYear(sentence.Text)) is { } year)
            {
                return new DateOnly(year, day.Month, day.Day);
            }
        }

        return null;
    }

    /// <summary>A dateline among the first lines (never a range: that is an event).</summary>
    private static DateOnly? Dateline(string text, IReadOnlyList<WrittenDate> dates)
    {
        foreach (var date in dates.Where(d => d.Index < 400 && d.EndDay is null && d.Start is not null))
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, date.Index - 1)) + 1;
            var lineEnd = text.IndexOf('\n', date.Index) is var e and >= 0 ? e : text.Length;
            var before = text[lineStart..date.Index];
            var after = text[(date.Index + date.Length)..lineEnd];
            // A date alone on its line, or after a place: "GENEVA, 18 April 2017 –" or "New York, 21 May 2024".
            if ((before.Trim().Length == 0 || DatelinePlace().IsMatch(before)) && (after.Trim().Length == 0 || DatelineDash().IsMatch(after)))
            {
                return date.Start;
            }
        }

        return null;
    }

    /// <summary>"the third anniversary of the adoption of the GCM" is 2018 + 3.</summary>
    private int? AnniversaryYear(string sentence)
    {
        if (_anniversary.Match(sentence) is not { Success: true } m)
        {
            return null;
        }

        var word = m.Groups["count"].Value.ToLowerInvariant();
        int? n = int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
            : _calendar.Ordinals.TryGetValue(word, out var ordinal) ? ordinal
            : _calendar.NumberWords.TryGetValue(word, out var count) ? count : null;
        var anchor = _anchors.FirstOrDefault(a => a.Phrases.IsMatch(m.Groups["anchor"].Value)).Anchor;
        return n is null || anchor is null ? null : anchor.Date.Year + n;
    }

    /// <summary>"the Forum next May", with the Forum in May 2022: a December written before it is in 2021.</summary>
    private int? YearBeforeNextMonth(string text, IReadOnlyList<FoundEvent> events, int month)
    {
        foreach (Match next in _nextMonth.Matches(text))
        {
            if (_months.TryGetValue(next.Groups["month"].Value, out var eventMonth) && events.FirstOrDefault(e => e.Start?.Month == eventMonth) is { Start: { } start })
            {
                return month < eventMonth ? start.Year : start.Year - 1;
            }
        }

        return null;
    }

    private static int? LastYear(string sentence) =>
        TextLayout.Year().Matches(sentence).Select(y => int.Parse(y.Value, CultureInfo.InvariantCulture)).Cast<int?>().LastOrDefault();

    [GeneratedRegex(@"\b(?:will|gets? underway|opens?|starts?|starting|begins?|commence|s'ouvre|débute|comienza|se inaugura)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureOrUnderway();

    [GeneratedRegex(@"^\s*\p{Lu}[\p{L} .'’\-]{1,40},\s*$")]
    private static partial Regex DatelinePlace();

    [GeneratedRegex(@"^\s*(?:\(\w+\)\s*)?[-–—]")]
    private static partial Regex DatelineDash();
}
