using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>The lists the analysis stage works from, written by the team as JSON beside the code and embedded in the assembly.</summary>
public sealed record ExtractionData(
    CalendarData Calendar,
    OrganisationData Organisations,
    PeopleData People,
    ThemeData Themes,
    GcmData Gcm,
    LanguageData Language,
    KindData Kinds,
    TitleData Titles)
{
    private static readonly Lazy<ExtractionData> Loaded = new(Load);

    public static ExtractionData Default => Loaded.Value;

    private static ExtractionData Load() => new(
        Read<CalendarData>("calendar.json"),
        Read<OrganisationData>("organisations.json"),
        Read<PeopleData>("people.json"),
        Read<ThemeData>("themes.json"),
        Read<GcmData>("gcm-objectives.json"),
        Read<LanguageData>("language.json"),
        Read<KindData>("kinds.json"),
        Read<TitleData>("titles.json"));

    public static T Read<T>(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"IdmPlatform.Ingestion.Extraction.Data.{resource}")
            ?? throw new InvalidOperationException($"The extraction data file {resource} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The extraction data file {resource} is empty.");
    }
}

public sealed record CalendarData(
    IReadOnlyList<CalendarEvent> Events,
    IReadOnlyList<RecurringDay> Recurring,
    IReadOnlyList<CalendarAnchor> Anchors,
    IReadOnlyDictionary<string, string[]> SeriesPatterns,
    IReadOnlyDictionary<string, string[]> Places,
    IReadOnlyDictionary<string, int> Ordinals,
    IReadOnlyDictionary<string, int> NumberWords,
    IReadOnlyList<string> AnniversaryWords,
    IReadOnlyList<string> YearsSinceWords,
    IReadOnlyList<string> TodayWords,
    IReadOnlyList<string> MarkingWords,
    IReadOnlyList<string> PanelWords,
    IReadOnlyList<string> NextWords,
    IReadOnlyDictionary<string, int>? Weekdays = null,
    IReadOnlyList<string>? ThisWords = null);

public sealed record CalendarEvent(string Slug, string Series, int Year, string? Place, int? Session, int? Number, string Name, DateOnly? Start, DateOnly? End, int? Month);

public sealed record RecurringDay(string Series, string Name, int Month, int Day, int Since, IReadOnlyList<string> Aliases);

public sealed record CalendarAnchor(string Name, DateOnly Date, IReadOnlyList<string> Phrases);

public sealed record OrganisationData(
    IReadOnlyList<KnownOrganisation> Organisations,
    IReadOnlyList<string> NotOrganisations,
    IReadOnlyList<KnownOrganisation> Frameworks,
    IReadOnlyList<string> HeadWords,
    IReadOnlyList<string> DefinedHeadWords,
    IReadOnlyList<string> Connectors,
    IReadOnlyList<string>? GenericWords = null,
    IReadOnlyList<string>? OrganisationCues = null,
    IReadOnlyList<string>? CreditCues = null,
    IReadOnlyList<string>? PortfolioHeads = null,
    IReadOnlyList<string>? ClosingHeadWords = null,
    IReadOnlyList<string>? PortfolioEnds = null,
    IReadOnlyList<string>? Conjunctions = null,
    IReadOnlyList<string>? Taglines = null,
    IReadOnlyList<string>? Posts = null,
    IReadOnlyList<string>? PossessivesAndIndefinites = null,
    IReadOnlyList<string>? Seats = null);

/// <summary>
/// A body the data knows. An acronym that is also something else ("EU" is the United States in Mexican Spanish) counts
/// alone only in the languages <paramref name="AloneIn"/> gives it, or (<paramref name="AloneInProse"/>) among words written
/// small, where it cannot be a word in capitals ("WHO WE ARE"), and otherwise only beside the body's full name.
/// </summary>
public sealed record KnownOrganisation(string Name, IReadOnlyList<string> Acronyms, IReadOnlyList<string> Aliases, bool AcronymAlone = true, IReadOnlyDictionary<string, string[]>? AloneIn = null, bool RegionalBodies = false, bool AloneInProse = false);

public sealed record PeopleData(
    IReadOnlyList<string> Honorifics,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> PhotoCredits,
    IReadOnlyList<string> ContactHeaders,
    IReadOnlyDictionary<string, string[]> SpeechVerbs,
    IReadOnlyList<string> ActionVerbs,
    IReadOnlyList<string> AccordingTo,
    IReadOnlyList<string> Pronouns,
    IReadOnlyList<string> InterventionVerbs,
    IReadOnlyList<string> NonNameWords,
    IReadOnlyList<KnownPerson>? KnownPeople = null,
    IReadOnlyList<string>? SpeakerTitleWords = null,
    IReadOnlyList<string>? NameParticles = null,
    IReadOnlyList<string>? SaidSoOpeners = null,
    IReadOnlyList<string>? GroupNouns = null,
    IReadOnlyList<string>? AuthorCues = null,
    IReadOnlyList<string>? SubjectDroppingLanguages = null,
    IReadOnlyList<string>? ViewpointOpeners = null,
    IReadOnlyList<string>? ObjectPronouns = null,
    IReadOnlyList<string>? CircumstanceWords = null,
    IReadOnlyList<string>? PlaceNames = null,
    IReadOnlyList<string>? SurnameTitles = null,
    IReadOnlyList<string>? EponymNouns = null,
    IReadOnlyList<string>? StatementHeadings = null,
    IReadOnlyList<string>? AuthorHeadings = null,
    IReadOnlyList<string>? NonNameEndings = null,
    IReadOnlyList<string>? DocumentNouns = null,
    IReadOnlyList<string>? FrenchAdverbsAfterAuxiliary = null)
{
    /// <summary>
    /// Every verb of speech in every language. French inverts a past tense after a quotation, so "a martelé" is also
    /// written "a-t-il martelé" and "a-t-elle martelé", sets an adverb between the auxiliary and the participle ("a
    /// également souligné"), and tells of earlier words in the pluperfect ("avait expliqué"); those forms are made here
    /// rather than listed.
    /// </summary>
    public IEnumerable<string> AllSpeechVerbs() =>
        SpeechVerbs.SelectMany(language => language.Key == "fr"
            ? language.Value.SelectMany(FrenchForms)
            : language.Value).Distinct(StringComparer.Ordinal);

    // "a martelé" / "a-t-il martelé" / "a également martelé" / "a-t-il aussi martelé" / "avait martelé"; "souligne" /
    // "souligne-t-il"; "renchérit" / "renchérit-il".
    private IEnumerable<string> FrenchForms(string verb) =>
        verb.StartsWith("a ", StringComparison.Ordinal)
            ? [verb, $"a-t-il {verb[2..]}", $"a-t-elle {verb[2..]}", $"a-t-il aussi {verb[2..]}", $"a-t-elle aussi {verb[2..]}", $"avait {verb[2..]}",
               .. (FrenchAdverbsAfterAuxiliary ?? []).Select(adverb => $"a {adverb} {verb[2..]}")]
        : verb.Contains(' ', StringComparison.Ordinal) || verb.Contains('-', StringComparison.Ordinal) ? [verb]
        : verb.EndsWith('e') ? [verb, $"{verb}-t-il", $"{verb}-t-elle"]
        : verb.EndsWith('t') || verb.EndsWith('d') ? [verb, $"{verb}-il", $"{verb}-elle"]
        : [verb];
}

/// <summary>A well-known person of the field, and the surnames the texts call them by (a slight misspelling still matches).</summary>
/// <summary>A well-known person; with SurnameAlone the surname by itself names them anywhere ("the Trump administration").</summary>
public sealed record KnownPerson(string Name, IReadOnlyList<string> Surnames, bool SurnameAlone = false);

public sealed record ThemeData(IReadOnlyList<Theme> Themes);

public sealed record Theme(string Slug, string Name, IReadOnlyList<string> Keywords);

public sealed record GcmData(IReadOnlyList<GcmObjective> Objectives);

public sealed record GcmObjective(int Number, string Title, IReadOnlyList<string> Keywords);

public sealed record LanguageData(
    IReadOnlyDictionary<string, string[]> StopWords,
    IReadOnlyDictionary<string, int> Months,
    IReadOnlyList<string> PublishedCues,
    IReadOnlyList<string> TranslationCues,
    IReadOnlyList<string> EventCues,
    DateWords DateWords,
    IReadOnlyList<string> MonthFirstLanguages,
    IReadOnlyList<string>? MonthFirstHosts = null,
    IReadOnlyList<string>? DayFirstHosts = null,
    IReadOnlyList<string>? OriginalLanguages = null);

/// <summary>
/// The small words dates are written with: ordinal endings of the day ("1er", "28th", "1.º"), what links a day to its
/// month ("12 de mayo", "12th of May") and a month to its year ("de 2023", "del 2023"), and what joins or opens a range.
/// </summary>
public sealed record DateWords(
    IReadOnlyList<string> OrdinalSuffixes,
    IReadOnlyList<string> DayMonthLinks,
    IReadOnlyList<string> MonthYearLinks,
    IReadOnlyList<string> RangeWords,
    IReadOnlyList<string> RangeOpeners,
    IReadOnlyList<string> AmbiguousMonths);

public sealed record KindData(
    IReadOnlyDictionary<string, string[]> TitleWords,
    IReadOnlyList<string> Subtitles,
    IReadOnlyDictionary<string, Dictionary<string, int>> Signals);

/// <summary>
/// What a reader skips when looking for a page's headline: whole lines that are site sections or menu items,
/// cues that mark a cookie notice or photo credit, openings of salutations and bylines, the words a date stamp
/// is made of, and weekday names (a date led by one above the headline is a site header's "today"); the words
/// of buttons ("Print", "Subscribe") and the small words a headline wrapped over two lines ends its first line on.
/// </summary>
public sealed record TitleData(
    IReadOnlyList<string> FurnitureLines,
    IReadOnlyList<string> FurnitureCues,
    IReadOnlyList<string> Salutations,
    IReadOnlyList<string> Bylines,
    IReadOnlyList<string> StampWords,
    IReadOnlyList<string> Weekdays,
    IReadOnlyList<string> PagerWords,
    IReadOnlyList<string> StampCues,
    IReadOnlyList<string> UpdatedCues,
    IReadOnlyList<string> CopyrightCues,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> SectionSuffixes,
    IReadOnlyList<string> WrapWords,
    IReadOnlyList<string> NameJoiners,
    IReadOnlyList<string>? OpeningCues = null,
    IReadOnlyList<string>? CounterWords = null,
    IReadOnlyList<string>? Articles = null,
    IReadOnlyList<string>? WireAgencies = null)
{
    /// <summary>Every word a date stamp may be made of: the stamp words and the weekday names ("Published on Thursday").</summary>
    public HashSet<string> StampWordSet() => new(StampWords.Concat(Weekdays), StringComparer.OrdinalIgnoreCase);

    /// <summary>"date 2020-12 ", "Published: 2020-12-03 ": a crawler's or a site's stamp opening a line, its day or only its month.</summary>
    public Regex StampOpening() =>
        new($@"^\s*(?:{Phrases.Alternation(StampCues)})\s*:?\s*(?<y>(?:19|20)[0-9]{{2}})(?:-(?<m>[01][0-9])(?:-[0-3][0-9])?)?\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
