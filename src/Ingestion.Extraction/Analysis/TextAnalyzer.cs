using System.Globalization;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// Reads meaning out of a document's clean text: title, dates, language, kind, events, organisations,
/// people and statements, each statement tagged with its themes and GCM objectives.
/// Built once from the data; safe to share between threads.
/// </summary>
public sealed partial class TextAnalyzer
{
    private readonly DateFinder _dates;
    private readonly LanguageDetector _language;
    private readonly KindClassifier _kinds;
    private readonly OrganisationFinder _organisations;
    private readonly TitleFinder _titles;
    private readonly PersonFinder _people;
    private readonly EventFinder _events;
    private readonly StatementFinder _statements;
    private readonly ThemeTagger _themes;
    private readonly PublicationDater _publication;
    private readonly Regex _eventCue;
    private readonly Regex _translationCue;
    private readonly HashSet<string> _monthFirst;
    private readonly IReadOnlyList<string> _monthFirstHosts;
    private readonly IReadOnlyList<string> _dayFirstHosts;

    public TextAnalyzer(ExtractionData data)
    {
        _dates = new DateFinder(data.Language);
        _language = new LanguageDetector(data.Language);
        _kinds = new KindClassifier(data.Kinds);
        // Short month names ("Mar", "Dic") are also words ("Instituto del Mar"), so only the written-out ones end a body's name.
        _organisations = new OrganisationFinder(data.Organisations, data.People, (data.Calendar.Weekdays?.Keys ?? []).Concat(data.Language.Months.Keys.Where(m => m.Length > 3)));
        _titles = new TitleFinder(data.Kinds, data.Titles, data.Calendar, data.Language.DateWords.RangeWords, data.People.AuthorCues);
        _people = new PersonFinder(data.People);
        _events = new EventFinder(data.Calendar);
        _statements = new StatementFinder(data.People, data.Calendar, data.Organisations.OrganisationCues);
        _themes = new ThemeTagger(data.Themes, data.Gcm);
        _publication = new PublicationDater(data.Calendar, data.Language, data.Titles);
        _eventCue = Phrases.Matcher(data.Language.EventCues);
        _translationCue = Phrases.Matcher(data.Language.TranslationCues);
        _monthFirst = new HashSet<string>(data.Language.MonthFirstLanguages, StringComparer.OrdinalIgnoreCase);
        _monthFirstHosts = data.Language.MonthFirstHosts ?? [];
        _dayFirstHosts = data.Language.DayFirstHosts ?? [];
    }

    public static TextAnalyzer Default { get; } = new(ExtractionData.Default);

    /// <summary>
    /// What the submitter or the format already told (a title from HTML, a date from a form) wins over inference;
    /// the address the page was submitted from can date it.
    /// </summary>
    public ExtractedDocument Analyse(
        string text, string? knownTitle = null, DateOnly? knownPublishedOn = null, string? knownLanguage = null, string? sourceUrl = null,
        CancellationToken cancellationToken = default)
    {
        // The language first: with the site, it says how a numeric date such as 05/12/2023 is read.
        var language = knownLanguage ?? _language.Detect(text);
        var dates = _dates.Find(text, MonthFirst(language, sourceUrl));
        var headline = _titles.Find(text, dates, sourceUrl);
        var title = knownTitle ?? headline?.Text;
        cancellationToken.ThrowIfCancellationRequested();
        var organisations = _organisations.Find(text, language, headline);
        cancellationToken.ThrowIfCancellationRequested();
        var (people, mentions) = _people.Find(text, organisations, headline);
        cancellationToken.ThrowIfCancellationRequested();
        var documentYear = knownPublishedOn?.Year ?? MostWrittenYear(text);
        var events = _events.Find(text, documentYear);
        var publishedOn = knownPublishedOn ?? _publication.Find(text, dates, events, headline, sourceUrl);
        if (publishedOn is not null && publishedOn.Value.Year != documentYear)
        {
            events = _events.Find(text, publishedOn.Value.Year);
        }

        var mainEvent = events.Count > 0 ? events[0].Slug : null;
        cancellationToken.ThrowIfCancellationRequested();
        var statements = _statements.Find(text, mentions, organisations, headline)
            .Select(s => (Statement: s, Tags: _themes.Tag(s.Text)))
            .Select(x => new ExtractedStatement(
                x.Statement.Kind, x.Statement.Text, x.Statement.Speaker?.Name, x.Statement.Organisation, mainEvent, x.Statement.Panel,
                x.Statement.PassageStart, x.Statement.PassageEnd, x.Tags.Themes, x.Tags.Objectives))
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var documentTags = _themes.Tag(text);

        return new ExtractedDocument(
            title,
            publishedOn,
            EventDates(text, dates),
            language,
            _kinds.Classify(title, text),
            text,
            events.Select(e => new ExtractedEvent(e.Slug, e.Name, e.Start, e.End)).ToList(),
            organisations.Where(o => !o.InPostsOnly).Select(o => new ExtractedOrganisation(o.Name, o.Acronym)).ToList(),
            people.Select(p => new ExtractedPerson(p.Name, p.Role, p.Organisation)).ToList(),
            documentTags.Themes,
            documentTags.Objectives,
            statements,
            TranslationOf(text));
    }

    /// <summary>
    /// Whether a numeric day such as 10/12/2018 is written month first. The site tells before the language does:
    /// English is written month first on a US government site, day first at the UN and in most other countries
    /// that write English (the lists are data).
    /// </summary>
    private bool MonthFirst(string language, string? sourceUrl)
    {
        if (sourceUrl is not null && Uri.TryCreate(sourceUrl, UriKind.Absolute, out var address))
        {
            if (_monthFirstHosts.Any(h => OnHost(address.Host, h)))
            {
                return true;
            }

            if (_dayFirstHosts.Any(h => OnHost(address.Host, h)))
            {
                return false;
            }
        }

        return _monthFirst.Contains(language.Split('-')[0]);
    }

    // ".gov" is on "state.gov", "un.org" on "press.un.org" and on "un.org" itself, but not on "sun.org".
    private static bool OnHost(string host, string suffix) =>
        string.Equals(host, suffix, StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(suffix.StartsWith('.') ? suffix : "." + suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Traduction de l'original anglais : https://…" names the original, which ingestion then links to.</summary>
    private Uri? TranslationOf(string text)
    {
        foreach (Match cue in _translationCue.Matches(text))
        {
            var reach = text[(cue.Index + cue.Length)..Math.Min(text.Length, cue.Index + cue.Length + 200)];
            if (Url().Match(reach) is { Success: true } url && Uri.TryCreate(url.Value.TrimEnd('.', ',', ')', ';'), UriKind.Absolute, out var original))
            {
                return original;
            }
        }

        return null;
    }

    /// <summary>Days on which something took place: dates written beside "held", "took place"… ranges give every day.</summary>
    private List<DateOnly> EventDates(string text, IReadOnlyList<WrittenDate> dates)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var sentence in TextLayout.Sentences(text).Where(s => _eventCue.IsMatch(s.Text)))
        {
            foreach (var date in Sorted.Between(dates, d => d.Index, sentence.Index, sentence.End).Where(d => d.Start is not null))
            {
                for (var day = date.Start!.Value; day <= (date.End ?? date.Start.Value); day = day.AddDays(1))
                {
                    days.Add(day);
                }
            }
        }

        return days.ToList();
    }

    private static int? MostWrittenYear(string text) => StandaloneYear().Matches(text)
        .GroupBy(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
        .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
        .Select(g => (int?)g.Key)
        .FirstOrDefault();

    [GeneratedRegex(@"https?://[^\s<>""“”«»]+")]
    private static partial Regex Url();

    // Unlike TextLayout.Year, not a year inside "2024-2028" or an ISO date: those say little about the text's own year.
    [GeneratedRegex(@"(?<![0-9\-])(?:19|20)[0-9]{2}(?![0-9\-])")]
    private static partial Regex StandaloneYear();
}
