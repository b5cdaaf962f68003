using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// When a text was published, as an expert reader would tell: a stated publication date, a dateline or a date stamp
/// near the headline first (never a site header's "today": a weekday-led date above the navigation); then the date in
/// the address the page was submitted from (/2022/02/28/, /2019-10-15-…, …20141217…); then a date closing the
/// headline ("… delivered on 7 December 2016"); otherwise from the calendar of the field — "gets underway later today" is the first day of the session
/// the text is about, "as we mark International Migrants Day" is 18 December, and "the third anniversary of
/// the adoption of the GCM" says which year.
/// </summary>
public sealed partial class PublicationDater
{
    private const int CueReach = 40;
    private const int DatelineReach = 400;
    private const int MaxSectionWords = 8;
    private const int AboveReach = 300;
    private const int WireDatelineReach = 3000;
    private const int MaxSectionQualifierWords = 2;
    private const int TimedLineWords = 12;
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
    private readonly Regex _weekday;
    private readonly Regex _stampBefore;
    private readonly Regex _stampOpening;
    private readonly Regex _sluggedPathDate;
    private readonly Regex _updatedBefore;
    private readonly Regex _updatedAfter;
    private readonly HashSet<string> _sections;
    private readonly HashSet<string> _controls;
    private readonly string[] _copyrightCues;
    private readonly HashSet<string> _stampWords;
    private readonly Regex _slashedPathDate;
    private readonly Regex _thisWeekday;
    private readonly Regex _todayIs;
    private readonly Regex _bylineBefore;
    private readonly Regex _bylineOnly;
    private readonly Regex _bylineAfter;
    private readonly Dictionary<string, int> _weekdayNumbers;

    public PublicationDater(CalendarData calendar, LanguageData language, TitleData titles)
    {
        _weekday = Phrases.Matcher(titles.Weekdays);
        // "date 2019-11-15", "Posted on 3 May 2019", "Publié le …": a stamp, whatever follows it on the line.
        _stampOpening = titles.StampOpening();
        _stampBefore = new Regex($@"^\s*(?:{Phrases.Alternation(titles.StampCues)})\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _stampWords = titles.StampWordSet();
        // "News Mon, 04/25/2016 - 10:10 Share": a section's label before the stamp and a button after it.
        _sections = new HashSet<string>(titles.FurnitureLines, StringComparer.OrdinalIgnoreCase);
        _controls = new HashSet<string>(titles.Controls, StringComparer.OrdinalIgnoreCase);
        // "By Jane Roe on", "Posted by admin on", "Por Ana Ruiz el": a byline, its stamp words stripped, before the day —
        // a name in capitals or a one-word handle, so "Por la tarde del" is not one.
        var bylines = Phrases.Alternation(titles.Bylines);
        _bylineBefore = new Regex(
            $@"^\s*(?:(?:{Phrases.Alternation(titles.StampCues)})\s+)?(?:{bylines})\s+(?:\p{{Lu}}[\p{{L}}.'’\-]*(?:\s+\p{{Lu}}[\p{{L}}.'’\-]*){{0,3}}|[\p{{L}}][\p{{L}}0-9_.\-]*)\s*,?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "By October 5, 2020 Newsroom": a byline whose author was left out.
        _bylineOnly = new Regex($@"^\s*(?:{bylines})\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "May 12, 2023 by Jane Roe", "December 18, 2016 By: INSEC", "… on May 12, 2023 in News": a byline or a section
        // after the day ends the stamp.
        _bylineAfter = new Regex(
            $@"^\s*,?\s*(?:(?:{bylines})\s*:?\s+\S[^\n]{{0,60}}|(?:in|dans|en)\s+\p{{Lu}}[\p{{L}} ,&]{{0,40}})$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "© 2024 IOM", "All rights reserved": a copyright line's year is not the story's.
        _copyrightCues = [.. titles.CopyrightCues ?? []];
        // "Last updated: …", "Dernière mise à jour : …": a stamp, but of the last edit, used only when nothing dates the publication.
        // "November 21, 2018 Updated: November 21, 2018": the day published, then the day updated on the same line.
        _updatedAfter = new Regex($@"^\s*(?:{Phrases.Alternation(titles.UpdatedCues ?? [])})\s*:?\s*[\p{{L}}\d ,./:\-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _updatedBefore = new Regex($@"(?:{Phrases.Alternation(titles.UpdatedCues ?? [])})\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _calendar = calendar;
        // "Original: English 4 March 2019", "Original : anglais 19 décembre 2017": the first page of a UN or IOM
        // document gives the language it was written in, then the document's date.
        var originalNotes = (language.OriginalLanguages ?? []).SelectMany(l => new[] { $"original: {l}", $"original : {l}" });
        // A cue may follow a date run into it ("25/02/2025Published On: 25/02/2025"): only a letter before it is another word.
        _publishedCue = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(language.PublishedCues.Concat(originalNotes))})(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _today = Phrases.Matcher(calendar.TodayWords);
        _marking = Phrases.Matcher(calendar.MarkingWords);
        _months = new Dictionary<string, int>(language.Months, StringComparer.OrdinalIgnoreCase);
        _eventSeries = Phrases.Matcher(calendar.SeriesPatterns.Values.SelectMany(p => p), RegexOptions.None);
        _recurring = calendar.Recurring.Select(r => (r, Phrases.Matcher(r.Aliases))).ToList();
        _anchors = calendar.Anchors.Select(a => (a, Phrases.Matcher(a.Phrases))).ToList();
        var next = Phrases.Alternation(calendar.NextWords);
        var month = Phrases.Alternation(language.Months.Keys);
        // "/2022/02/28/", "/2023/may/12/" or a segment opening "/2019-1-10-…": a day in the address's path, its month as a
        // number (written short or not) or a name.
        _slashedPathDate = new Regex(
            $@"/(?<y>(?:19|20)[0-9]{{2}})(?<sep>[/-])(?<m>0?[1-9]|1[0-2]|{month})\k<sep>(?<d>0?[1-9]|[12][0-9]|3[01])(?:/|$|[-_.])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "/…-of-migrants-26-june-2023/", "/…-statement-december-18,-2024.html": a day written out in the slug, its month by name.
        _sluggedPathDate = new Regex(
            $@"(?<=[/_-])(?:(?<d>0?[1-9]|[12][0-9]|3[01])[-_](?<m>{month})|(?<m>{month})[-_](?<d>0?[1-9]|[12][0-9]|3[01]),?)[-_](?<y>(?:19|20)[0-9]{{2}})(?![0-9])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "ce lundi 10 décembre 2018", "este lunes 10 de diciembre", "this Monday, 10 December": the day the story is told.
        _weekdayNumbers = new Dictionary<string, int>(calendar.Weekdays ?? new Dictionary<string, int>(), StringComparer.OrdinalIgnoreCase);
        _thisWeekday = _weekdayNumbers.Count == 0 || calendar.ThisWords is not { Count: > 0 } thisWords
            ? new Regex("(?!)", RegexOptions.Compiled)
            : new Regex(
                $@"(?<![\p{{L}}])(?:{Phrases.Alternation(thisWords)})\s+(?<weekday>{Phrases.Alternation(_weekdayNumbers.Keys)})\s*,?\s*$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "Today, December 18, 2020, marks…", "Hoy, 18 de diciembre de 2020,", "célébrée ce 18 décembre 2024": the text
        // names the day it is written.
        var thisDay = calendar.ThisWords is { Count: > 0 } these ? $"|{Phrases.Alternation(these)}" : "";
        _todayIs = new Regex(
            $@"(?<![\p{{L}}])(?:(?:{Phrases.Alternation(calendar.TodayWords)})\s*,?\s*(?:is|es|est)?\s*(?:le|el|the)?{thisDay})\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _nextMonth = new Regex($@"(?<![\p{{L}}])(?:(?:{next})\s+(?<month>{month})|(?<month>{month})\s+(?:{next}))(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var count = Phrases.Alternation(calendar.Ordinals.Keys.Concat(calendar.NumberWords.Keys));
        var anchors = Phrases.Alternation(calendar.Anchors.SelectMany(a => a.Phrases));
        _anniversary = new Regex(
            $@"(?<count>{count}|[0-9]{{1,2}})(?:st|nd|rd|th|e|º)?\s+(?:{Phrases.Alternation(calendar.AnniversaryWords)}|{Phrases.Alternation(calendar.YearsSinceWords)})[^.]{{0,40}}?(?<anchor>{anchors})",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public DateOnly? Find(string text, IReadOnlyList<WrittenDate> dates, IReadOnlyList<FoundEvent> events, FoundTitle? title = null, string? sourceUrl = null)
    {
        foreach (Match cue in _publishedCue.Matches(text))
        {
            // "Event date:", "Meeting date:": a bare "date:" that another word qualifies labels some other day, and so
            // does one deep in the story, away from the headline (an event's "Date: Wednesday 28 Oct").
            var bare = !cue.Value.TrimEnd(':', ' ').Contains(' ', StringComparison.Ordinal);
            if (bare && ((text.AsSpan(0, cue.Index).TrimEnd(" \t") is [.., var previous] && char.IsLetter(previous))
                || !InReach(cue.Index, title, title?.Index ?? FirstBodyLine(text))))
            {
                continue;
            }

            if (dates.FirstOrDefault(d => d.Index >= cue.Index && d.Index - (cue.Index + cue.Length) <= CueReach) is { Start: { } stated })
            {
                return stated;
            }
        }

        var addressDay = FromAddress(sourceUrl);
        var found = Dateline(text, dates, title, addressDay, AddressYear(sourceUrl));
        if (found.Dateline is not null)
        {
            return found.Dateline;
        }

        if (addressDay is not null)
        {
            return addressDay;
        }

        if (title is not null && ClosingTheHeadline(text, dates, title) is { } headlineDate)
        {
            return headlineDate;
        }

        // Weaker by turns: a bare date above the navigation, a dateline whose year had to be guessed, the last edit's stamp.
        if ((found.AboveNavigation ?? found.Yearless ?? found.Updated) is { } weaker)
        {
            return weaker;
        }

        // "/opening-remarks-geneva-11-october-2016", "/statement-december-18,-2024": a day the slug writes out often names
        // the event, not the page's day, so it dates the page only when the text does not.
        if (AddressPath(sourceUrl) is { } path && _sluggedPathDate.Match(path) is { Success: true } slugged && Day(slugged) is { } sluggedDay)
        {
            return sluggedDay;
        }

        if ((ClosingStamp(text, dates, title) ?? ThisWeekday(text, dates) ?? TodayIs(text, dates)) is { } told)
        {
            return told;
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

    /// <summary>
    /// A dateline or a stamp among the first lines or just under the headline (never a range: that is an event):
    /// "21 Dec 2018" alone, "GENEVA, 18 April 2017 –", "New York, 21 May 2024", "IOM, 17 May 2022", "date 2023-03-06",
    /// "2022-12-02 18:55", "(Le 10 septembre 2024, à Suzhou)", "15 July 2019: The co-facilitators…", "Genève, le 3 mai 2021 –",
    /// "Press release | 3 May 2021", "Thursday 3 June 2021", "Ginebra, 3 de mayo de 2021 (OIM).-".
    /// A date above the headline that is later than the day in the address is the site header's "today"; a bare date
    /// with navigation between it and the headline may be the site's, so it is returned apart, to be used last.
    /// </summary>
    private Candidates Dateline(string text, IReadOnlyList<WrittenDate> dates, FoundTitle? title, DateOnly? addressDay, (int Year, int? Month)? addressYear)
    {
        // Where the story starts: the headline, or without one the first line of prose.
        var top = title?.Index ?? FirstBodyLine(text);
        DateOnly? aboveNavigation = null, yearless = null, updated = null;
        var dateUnderHeadline = title is not null && Sorted.Between(dates, d => d.Index, title.End, text.Length).FirstOrDefault() is { YearWritten: true, EndDay: null } under
            && LinesBetween(text, title.End, under.Index) == 0;
        foreach (var date in dates.Where(d => d.EndDay is null && (InReach(d.Index, title, top) || IsWireDateline(text, d))))
        {
            var (lineStart, lineEnd, before, after) = LineOf(text, date);
            // "Headline Rédigé par harbour.net le Mercredi 18 Décembre 2024 à 18:14": a byline run into the headline's line.
            if (title is not null && title.End > lineStart && date.Index >= title.End)
            {
                before = text[title.End..date.Index];
            }

            // "Headline Harbour News December 18, 2021" under "Headline": the headline printed again, its author and day
            // run on after it.
            var repeatsHeadline = title is not null && lineStart >= title.End && after.Trim().Length == 0
                && text.AsSpan(lineStart, date.Index - lineStart).StartsWith(title.Text + " ", StringComparison.Ordinal)
                && IsName(text[(lineStart + title.Text.Length)..date.Index]);
            var stamp = repeatsHeadline || _stampBefore.IsMatch(before);
            var aboveHeadline = date.Index < top;
            // "By October 5, 2020 Newsroom, Regional": a byline whose author was left out, the site's sections after the day.
            var bylineDay = _bylineOnly.IsMatch(before) && Words().Count(after) <= MaxSectionWords;
            if (!stamp && !bylineDay && !(Placed(before, out var place) && Closed(after, place)) && !Timed(before, after) && !BarePlaced(before, after, underHeadline: !aboveHeadline))
            {
                continue;
            }

            // Menus between the date and the headline, or the story's own date right under the headline, make a date
            // above it the site's today ("August 19, 2022" over the menus, "July 06, 2022" under the headline).
            var navigation = aboveHeadline && (LinesBetween(text, lineEnd, top) >= 2 || dateUnderHeadline);
            // "Thursday, 12 May 2022" leads with the weekday; "date 2025-11-13 Vox … este jueves …" names one in the story after it.
            var weekdayLed = aboveHeadline && _weekday.IsMatch(text[lineStart..(date.Index + date.Length)]);
            // A weekday-led date above the headline with lines between them is the site header's "today", not the page's date.
            if ((navigation && weekdayLed) || (aboveHeadline && date.YearWritten && addressDay is { } day && date.Start > day))
            {
                continue;
            }

            if (stamp && _updatedBefore.IsMatch(before))
            {
                updated ??= date.Start;
                continue;
            }

            if (!date.YearWritten)
            {
                // "GENEVA, 12 May (IOM) –": the year from the address, else one the headline names, else the text's guess.
                var year = addressYear is { } a && (a.Month is null || a.Month == date.Month) ? a.Year
                    : StampMonth(before) is { } m && m.Month == date.Month ? m.Year
                    : title is not null && TextLayout.Year().Match(text, title.Index, title.End - title.Index) is { Success: true } y ? int.Parse(y.Value, CultureInfo.InvariantCulture)
                    : (int?)null;
                if (year is not null && Safe(year.Value, date.Month, date.Day) is { } sure)
                {
                    return new Candidates(sure, aboveNavigation, yearless, updated);
                }

                yearless ??= StoryYear(text, date) is { } guessed ? Safe(guessed, date.Month, date.Day) : null;
                continue;
            }

            // A weekday-led date just above the headline may still be the site's today: used only when nothing else dates the page.
            if ((navigation || weekdayLed) && !stamp)
            {
                aboveNavigation ??= date.Start;
                continue;
            }

            return new Candidates(date.Start, aboveNavigation, yearless, updated);
        }

        return new Candidates(null, aboveNavigation, yearless, updated);
    }

    /// <summary>"Harbour News", "Ana Ruiz": a few words, each capitalised.</summary>
    private static bool IsName(string words) =>
        Words().Matches(words).ToList() is { Count: > 0 and <= MaxSectionWords } found && found.All(w => char.IsUpper(w.Value[0]));

    /// <summary>" date 2019-09 Dakar, 26 sept": the year and month of a stamp opening the dateline's line.</summary>
    private (int Year, int Month)? StampMonth(string before) =>
        _stampOpening.Match(before) is { Success: true } stamp && stamp.Groups["m"].Success
            ? (int.Parse(stamp.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(stamp.Groups["m"].Value, CultureInfo.InvariantCulture))
            : null;

    /// <summary>
    /// A yearless dateline's year from the story it opens: the first year written after it, not one in a copyright
    /// line or the navigation above it ("2030 Agenda" in a menu); else the nearest one before it.
    /// </summary>
    private int? StoryYear(string text, WrittenDate date)
    {
        int? before = null;
        foreach (Match y in TextLayout.Year().Matches(text))
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, y.Index - 1)) + 1;
            var lineEnd = text.IndexOf('\n', y.Index) is var e and >= 0 ? e : text.Length;
            var line = text[lineStart..lineEnd];
            if (_copyrightCues.Any(c => line.Contains(c, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var year = int.Parse(y.Value, CultureInfo.InvariantCulture);
            if (y.Index > date.Index)
            {
                return year;
            }

            before = year;
        }

        return before;
    }

    /// <summary>
    /// The line a date stands on, and what stands before and after the date on it. A date may run over a line break
    /// ("Tuesday, 28" / "November 2006"): its line then ends after it.
    /// </summary>
    private static (int Start, int End, string Before, string After) LineOf(string text, WrittenDate date)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, date.Index - 1)) + 1;
        var end = text.IndexOf('\n', date.Index + date.Length) is var e and >= 0 ? e : text.Length;
        return (start, end, text[start..date.Index], text[(date.Index + date.Length)..end]);
    }

    private sealed record Candidates(DateOnly? Dateline, DateOnly? AboveNavigation, DateOnly? Yearless, DateOnly? Updated);

    private static DateOnly? Safe(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>"WION New York, NY Sep 19, 2016, 02.15 AM (IST)": a short line whose date is followed by a clock time is a stamp.</summary>
    private static bool Timed(string before, string after) =>
        ClockAfter().IsMatch(after) && Words().Count(before) <= TimedLineWords;

    /// <summary>
    /// A place in capitalised words, its comma left out, when the dateline's dash follows the day ("PORT LOUIS,
    /// Mauritius 22 November 2012- More than…") or, under the headline, when nothing does: "New York City December 19,
    /// 2018" is a place on one line and the day on the next, joined when the text was read as prose. Above the
    /// headline such a line may be a sidebar's event ("Harbour Workshop May 16, 2022").
    /// </summary>
    private static bool BarePlaced(string before, string after, bool underHeadline) =>
        BarePlace().IsMatch(before) && (DatelineDash().IsMatch(after) || (underHeadline && after.Trim().Length == 0));

    /// <summary>
    /// A stamp closing the story, beyond the dateline's reach: "Source: Harbour Wire May 12, 2023 10:30 UTC", or a
    /// "2023-05-12" alone under the last paragraph (the reading stage joins it to that paragraph's last sentence).
    /// Used only when nothing nearer the headline dates the page.
    /// </summary>
    private DateOnly? ClosingStamp(string text, IReadOnlyList<WrittenDate> dates, FoundTitle? title)
    {
        var top = title?.Index ?? FirstBodyLine(text);
        foreach (var date in dates.Where(d => d.EndDay is null && d.YearWritten && d.Index > top && !InReach(d.Index, title, top)))
        {
            var (_, lineEnd, before, after) = LineOf(text, date);
            if (Timed(before, after) || (after.Trim().Length == 0 && AfterLastSentence().IsMatch(before) && IsoDay().IsMatch(text.AsSpan(date.Index, date.Length)))
                || (after.Trim().Length == 0 && SignsOff(text, before, lineEnd)))
            {
                return date.Start;
            }
        }

        return null;
    }

    /// <summary>
    /// "… Julio J. Centurión. Asunción, 12 de diciembre de 2023" over "Compartir esta noticia", "27 November 2014" over
    /// "Copyright © 2021": a day closing the story, alone or after its place, with the page's buttons or copyright under it.
    /// </summary>
    private bool SignsOff(string text, string before, int lineEnd)
    {
        var tail = ClosingTail().Match(before).Groups["tail"].Value;
        if (tail.Trim().Length > 0 && !(Placed(tail, out var place) && place))
        {
            return false;
        }

        var next = TextLayout.Lines(text[lineEnd..]).Select(l => l.Text.Trim()).FirstOrDefault(l => l.Length > 0);
        return next is not null && (_controls.Contains(Words().Match(next).Value) || _copyrightCues.Any(c => next.StartsWith(c, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>"… ont approuvé, ce lundi 10 décembre 2018, le Pacte": a date the text calls this week's weekday, when that weekday is the date's.</summary>
    private DateOnly? ThisWeekday(string text, IReadOnlyList<WrittenDate> dates)
    {
        foreach (var date in dates.Where(d => d.EndDay is null && d.Start is not null))
        {
            var from = Math.Max(0, date.Index - CueReach);
            if (_thisWeekday.Match(text[from..date.Index]) is { Success: true } m
                && _weekdayNumbers.TryGetValue(m.Groups["weekday"].Value, out var weekday)
                && weekday % 7 == (int)date.Start!.Value.DayOfWeek)
            {
                return date.Start;
            }
        }

        return null;
    }

    /// <summary>"Today, December 18, 2020, marks International Migrants Day", "ce 18 décembre 2024": a day with its year that the text calls today or this day.</summary>
    private DateOnly? TodayIs(string text, IReadOnlyList<WrittenDate> dates) =>
        dates.FirstOrDefault(d => d.EndDay is null && d.YearWritten && d.Start is not null && _todayIs.IsMatch(text[Math.Max(0, d.Index - CueReach)..d.Index]))?.Start;

    /// <summary>The year, and the month when there is one, in the address's path: /2023/, /2023/05/.</summary>
    private static (int Year, int? Month)? AddressYear(string? sourceUrl)
    {
        if (AddressPath(sourceUrl) is not { } path || PathYear().Match(path) is not { Success: true } m)
        {
            return null;
        }

        return (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// "MARRAKECH, Morocco, Dec 12 2018 (IPS) - …": a wire's dateline, its place in capitals and its agency after the day,
    /// dates the story even under a long standfirst.
    /// </summary>
    private static bool IsWireDateline(string text, WrittenDate date)
    {
        if (date.Index > WireDatelineReach)
        {
            return false;
        }

        var (_, _, before, after) = LineOf(text, date);
        return WirePlace().IsMatch(before) && WireAgency().IsMatch(after);
    }

    /// <summary>Among the first lines, just under the headline, in the few lines just above it, or opening the first paragraph when no headline was found.</summary>
    private static bool InReach(int index, FoundTitle? title, int top) =>
        index < DatelineReach
        || (title is not null && index >= title.End && index - title.End < DatelineReach)
        || (index < top && top - index < AboveReach)
        || (title is null && index >= top && index - top < AboveReach);

    /// <summary>
    /// What stands before a dateline's day on its line: nothing but stamp words ("Thursday", "Published on", "Le"),
    /// a place or a byline ending in a comma or dash ("Geneva/New York,", "GENEVA –", "Genève, le"), an opening
    /// bracket, a release number ("No: 223,"), a short section or byline before a separator ("Press release |",
    /// "By Ana Ruiz •"), or a byline with its stamp words ("By Jane Roe on", "Posted by admin on", "Par Jean Dupont le").
    /// </summary>
    private bool Placed(string before, out bool place)
    {
        place = false;
        var words = Words().Matches(before).Select(w => w.Value).ToList();
        if (words.All(_stampWords.Contains))
        {
            return true;
        }

        // " date 2019-09 Dakar, 26 sept (APS) –": a crawler's stamp before the dateline's place.
        var bare = WithoutTrailingStampWords(_stampOpening.Replace(before, string.Empty));
        // "“Protecting Migrants in Our Region” - Brasilia, Brazil – 19 November": a subtitle, then the place.
        place = DatelinePlace().IsMatch(bare) || SubtitleDash().Matches(bare).Any(dash => DatelinePlace().IsMatch(bare[(dash.Index + dash.Length)..]));
        return place || OpeningBracket().IsMatch(bare) || ReleaseNumber().IsMatch(bare) || (Separated().IsMatch(bare) && words.Count <= MaxSectionWords) || _bylineBefore.IsMatch(bare)
               || _sections.Contains(bare.Trim(' ', ',', '|', '-')) || IsLabelledSection(bare);
    }

    /// <summary>"Press Release —Local October 05, 2020": a section's label, a dash and a word or two that narrow it.</summary>
    private bool IsLabelledSection(string bare) =>
        SectionDash().Match(bare) is { Success: true } dash && _sections.Contains(bare[..dash.Index].Trim())
        && Words().Count(bare[(dash.Index + dash.Length)..]) is > 0 and <= MaxSectionQualifierWords;

    /// <summary>Strips stamp words ("le", "el", "on", "Thursday") from the end of what precedes a date, so "Genève, le" is a place.</summary>
    private string WithoutTrailingStampWords(string before)
    {
        var trimmed = before;
        while (LastWord().Match(trimmed) is { Success: true } last && _stampWords.Contains(last.Groups["word"].Value))
        {
            trimmed = trimmed[..last.Groups["word"].Index].TrimEnd();
        }

        return ReferenceEquals(trimmed, before) ? before : trimmed + " ";
    }

    /// <summary>What follows a dateline's day on its line: nothing, stamp words or a clock time, a dash, a separator, a closing bracket, a byline or a section ("by Jane Roe", "in News"), or after a place the full stop that opens the story.</summary>
    private bool Closed(string after, bool place) =>
        Words().Matches(after).All(w => _stampWords.Contains(w.Value) || _controls.Contains(w.Value) || ClockTime().IsMatch(w.Value))
        || DatelineDash().IsMatch(after) || DatelineEnd().IsMatch(after) || Separator().IsMatch(after) || (place && StoryAfterStop().IsMatch(after))
        || _bylineAfter.IsMatch(after) || GluedStory().IsMatch(after) || PlaceThenDash().IsMatch(after) || _updatedAfter.IsMatch(after) || PlaceAfterDay().IsMatch(after);

    /// <summary>Where the prose starts when no headline was found: the first line of eight words or more that ends a sentence.</summary>
    private static int FirstBodyLine(string text) =>
        TextLayout.Lines(text).FirstOrDefault(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 8 && l.Text.AsSpan().IndexOfAny(".!?") >= 0) is { Length: > 0 } line ? line.Index : text.Length;

    private static int LinesBetween(string text, int from, int to) =>
        text.AsSpan(from, Math.Max(0, to - from)).ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Trim().Length > 0);

    /// <summary>The day in the submitted address's path: /2022/02/28/, /2023/may/12/, /2019-10-15-…, /2019_10_15_…, statement20060914, /2018/0706/, /201812/07/.</summary>
    private DateOnly? FromAddress(string? sourceUrl)
    {
        if (sourceUrl is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        foreach (var match in new[] { _slashedPathDate.Match(path), DashedPathDate().Match(path), CompactPathDate().Match(path), MonthFolderPathDate().Match(path), DayFolderPathDate().Match(path), YearMonthFolderPathDate().Match(path) })
        {
            if (match.Success && Day(match) is { } day)
            {
                return day;
            }
        }

        // "?id=2018-08-16.43.1": a day a parameter's value opens, as a parliament's record of debates writes it.
        return QueryDate().Match(Uri.UnescapeDataString(uri.Query)) is { Success: true } queried ? Day(queried) : null;
    }

    /// <summary>The submitted address's path, unescaped, or null when there is no absolute address.</summary>
    private static string? AddressPath(string? sourceUrl) =>
        sourceUrl is not null && Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath) : null;

    private DateOnly? Day(Match m)
    {
        var monthText = m.Groups["m"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : _months.GetValueOrDefault(monthText);
        var (year, day) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>"Statement by … delivered on 30 November 2017" or "… (28 November 2019)": a single day ending the headline.</summary>
    private static DateOnly? ClosingTheHeadline(string text, IReadOnlyList<WrittenDate> dates, FoundTitle title)
    {
        var last = Sorted.Between(dates, d => d.Index, title.Index, title.End).LastOrDefault();
        return last is { EndDay: null } && text[(last.Index + last.Length)..title.End].Trim(' ', ')', ']', '.').Length == 0 ? last.Start : null;
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

    // "GENEVA,", "Geneva, Switzerland -", "Geneva/New York –", "Genève (Suisse),", "San José, Costa Rica.", "IOM,", "Jane Roe,",
    // "ABU DHABI, (Harbour Post / WAM -" (the outlets in the bracket the day closes):
    // capitalised words ending in a comma, a full stop or a dash, an opening bracket before them or not ("(Marrakech, 10 de … 2018).").
    // A place starts with two letters: "E.g.," before a search box's example date is not one.
    [GeneratedRegex(@"^\s*[(\[]?\p{Lu}\p{L}[\p{L} .'’/()\-]{0,39}(?:,\s*[(\[]?\p{Lu}[\p{L} .'’/()\-]{1,45})?(?:[,.]|\s[-–—])\s*$")]
    private static partial Regex DatelinePlace();

    // "Press release |", "By Ana Ruiz •": a section or byline set off from the date by a separator.
    // "Home » News »", "News > Press releases >", "Marrakesh, Morocco /": breadcrumbs and slashed bylines too.
    [GeneratedRegex(@"(?:[|•·>»]|\s/)\s*$")]
    private static partial Regex Separated();

    [GeneratedRegex(@"^\s*(?:[|•·>»]|/\s)")]
    private static partial Regex Separator();

    // ", 02.15 AM", " 10:30", " at 9h30", ", 11 a.m.": a clock time right after the day.
    [GeneratedRegex(@"^\s*,?\s*(?:at\s+|à\s+|a las\s+)?(?:[0-2]?[0-9][:.h][0-5][0-9]|[01]?[0-9]\s?[ap]\.?m\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClockAfter();

    // "/2023/" or "/2023/05/" in the path.
    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})/(?:(?<m>0?[1-9]|1[0-2])/)?")]
    private static partial Regex PathYear();

    // "Ginebra, 3 de mayo de 2021. Los alcaldes…": after a place, a full stop and the story's first sentence; a crawler
    // may have dropped the stop with the line break ("Ciudad de México, 18 de diciembre del 2019 Esta conmemoración…").
    [GeneratedRegex(@"^(?:\.\s+\p{Lu}|[ \t]+\p{Lu}\p{Ll}+[ \t]+\p{Ll})")]
    private static partial Regex StoryAfterStop();

    [GeneratedRegex(@"(?<word>[\p{L}]+)[\s,:]*$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Words();

    // "10", "45", "10h30", "9am": the parts of a clock time after a stamp's day.
    [GeneratedRegex(@"^[0-9]{1,2}(?:h[0-9]{0,2}|am|pm)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    // "(Le 10 septembre 2024, …)" or "GENEVA (3 May 2019) –".
    [GeneratedRegex(@"^\s*(?:\p{Lu}[\p{L} .'’\-]{1,40})?[(\[]\s*(?:le|el|the)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningBracket();

    // After the day: a closing bracket, ", à Suzhou, en Chine)", a time "18:55", or the colon of "15 July 2019: …",
    // an outlet's tag before it or not ("New York, 20 May 2022 (TDI): …").
    [GeneratedRegex(@"^\s*(?:[)\]]|,\s*(?:à|a|in|en)\s+[^\n]*\)\s*$|[0-9]{1,2}:[0-9]{2}|(?:\([^()\n]{1,60}\)\s*)?:\s)")]
    private static partial Regex DatelineEnd();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?<sep>[-_])(?<m>0[1-9]|1[0-2])\k<sep>(?<d>0[1-9]|[12][0-9]|3[01])(?![0-9])")]
    private static partial Regex DashedPathDate();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?:[0-9]{2}){0,3}(?![0-9])")]
    private static partial Regex CompactPathDate();

    // "PORT LOUIS, Mauritius ", "GENEVA ": up to four capitalised words, a country after a comma, and no closing comma.
    [GeneratedRegex(@"^\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,2})?\s+$")]
    private static partial Regex BarePlace();

    // Nothing, or a finished sentence, before a closing stamp: "… en Marrakech (Marruecos). 2023-05-12".
    [GeneratedRegex(@"(?:^|[.!?»”""')]\s)\s*$")]
    private static partial Regex AfterLastSentence();

    // "2023-05-12" or "2023-05-12 10:30": a machine's stamp, not a date a writer typed.
    [GeneratedRegex(@"^(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]")]
    private static partial Regex IsoDay();

    // "8 December 2018, Marrakech, Morocco - The mayors…": the place after the day, then the dateline's dash or colon.
    [GeneratedRegex(@"^,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,2}(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,2})?(?:\s+[-–—]\s|:\s)")]
    private static partial Regex PlaceThenDash();

    // "/2016-06/13/": a year-month folder, then the day's.
    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})-(?<m>0[1-9]|1[0-2])/(?<d>0[1-9]|[12][0-9]|3[01])/")]
    private static partial Regex MonthFolderPathDate();

    // "/n3/2018/0706/c31356-….html": the year's folder, then the month and day in one.
    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})/(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])/")]
    private static partial Regex DayFolderPathDate();

    // "/201812/07/01-5207125-….php": the year and month in one folder, then the day.
    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])/(?<d>0[1-9]|[12][0-9]|3[01])/")]
    private static partial Regex YearMonthFolderPathDate();

    [GeneratedRegex(@"\s[-–—]\s")]
    private static partial Regex SubtitleDash();

    // "No: 223, 1 July 2014", "Nº 45 – 3 May 2021": a press release's number, then its day.
    [GeneratedRegex(@"^\s*(?:No|N[º°o]|Nr|Núm)[.:]?\s*[0-9][0-9/\-]*\s*[,–—-]\s*$")]
    private static partial Regex ReleaseNumber();

    // "November 6th, 2018A commentator…": the story glued to the stamp's year.
    [GeneratedRegex(@"^\p{Lu}[\p{Ll}\s]")]
    private static partial Regex GluedStory();

    // " –", " (IOM) –", " (Harbour Wire) -", ".-", " (EFE).-", " /Harbour Newswire/ -": the dash that ends a dateline,
    // or the agency's name alone before the story (" (Apic) Le second forum…", " /MONTSAME/. The session…").
    [GeneratedRegex(@"^\s*(?:(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)\s*)?\.?\s*[-–—]|^\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/\.?)\s+\p{Lu}\p{Ll}")]
    private static partial Regex DatelineDash();

    // "MARRAKECH, Morocco, ": a wire's place in capitals, its country after it.
    [GeneratedRegex(@"^\s*\p{Lu}{3,}(?:[\s\-/]\p{Lu}{2,})*,(?:\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?,)?\s*$")]
    private static partial Regex WirePlace();

    // " (IPS) - ": the agency in brackets after the day, then the dash that opens the story.
    [GeneratedRegex(@"^\s*\([\p{Lu}][^()\n]{0,30}\)\s*[-–—]")]
    private static partial Regex WireAgency();

    // What closes a paragraph after its last sentence: "… Centurión. Asunción, " is "Asunción, ".
    [GeneratedRegex(@"(?:^|[.!?»”""')]\s+)(?<tail>[^.!?\n]{0,60})$")]
    private static partial Regex ClosingTail();

    // "25 March 2022, Rabat, Morocco", "6 November 2017, Bangkok, Thailand.  Philippine Labor…": the day first, then
    // the place it was written in, alone or before the story's first sentence.
    [GeneratedRegex(@"^,\s*(?:\p{Lu}[\p{L}.\-]*(?:\s\p{Lu}[\p{L}.\-]*){0,2},?\s*){1,2}(?:\.\s+\p{Lu}.*|\.?\s*)$")]
    private static partial Regex PlaceAfterDay();

    [GeneratedRegex(@"\s*[—–-]\s*")]
    private static partial Regex SectionDash();

    [GeneratedRegex(@"(?<==)(?<y>(?:19|20)[0-9]{2})-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?![0-9])")]
    private static partial Regex QueryDate();
}
