using System.Buffers;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// An organisation the text names, with every place it is named. One named only in its head's title ("UN High
/// Commissioner for Refugees Filippo Grandi") is <paramref name="InPostsOnly"/>: it places a person, but the text
/// does not speak of the body.
/// </summary>
public sealed record FoundOrganisation(string Name, string? Acronym, IReadOnlyList<Span> Mentions, bool InPostsOnly = false);

/// <summary>
/// Organisations in any of the three languages: known ones by name, alias or acronym (from the data), and
/// new ones that the text defines as "Name of the Body (ACRONYM)" or names with an organisational head word
/// ("… Network", "… Committee"). Frameworks and bodies that are not organisations (the GCM, the IDM,
/// "UN agencies") are masked first, so "UN" inside them is not the United Nations. "UN X" and "United Nations X"
/// are one body. A head-word name made only of generic words ("Executive Committee", "Civil Society",
/// "Bureau du Chef de Cabinet") is a fragment, not a body; a role or a person's title around it is not part of it.
/// </summary>
public sealed partial class OrganisationFinder
{
    private const string UnitedNations = "United Nations";
    private const int WordBeforeReach = 40;

    // "(UE)" after two words is as likely chance as a name: an acronym spelled by sentence-case words has three letters or more.
    private const int MinSpelledLetters = 3;
    private readonly OrganisationData _data;
    private readonly Regex _masked;
    private readonly Regex _taglines;
    private readonly Regex _post;
    private readonly HashSet<string> _possessivesAndIndefinites;
    private readonly Regex _seat;
    private readonly HashSet<string> _places;
    private readonly PhraseIndex<KnownOrganisation> _knownNames;
    private readonly PhraseIndex<KnownOrganisation> _regionalNames;

    // All known acronyms in one pattern (plain capitals, which one pass finds fast), looked up exactly.
    private readonly Regex _knownAcronyms;
    private readonly Dictionary<string, KnownOrganisation> _byAcronym = new(StringComparer.Ordinal);
    private readonly HashSet<string> _headWords;
    private readonly HashSet<string> _conjunctions;
    private static readonly SearchValues<char> NameSeparators = SearchValues.Create(" \u00A0-'’");
    private readonly HashSet<string> _definedHeadWords;
    private readonly HashSet<string> _closingHeadWords;
    private readonly HashSet<string> _connectors;
    private readonly HashSet<string> _generic;
    private readonly HashSet<string> _personWords;
    private readonly HashSet<string> _honorifics;
    private readonly Regex? _roleEndingHere;
    private readonly HashSet<string> _daysAndMonths;
    private readonly HashSet<string> _portfolioHeads;
    private readonly HashSet<string> _portfolioEnds;
    private readonly HashSet<string> _acronyms;
    private readonly Regex? _cued;
    private readonly Regex? _creditAgency;

    public OrganisationFinder(OrganisationData data, PeopleData? people = null, IEnumerable<string>? dayAndMonthNames = null)
    {
        // "… Ministry of Labour on Saturday", "… of Thailand in August": a day's or a month's name ends a body's name.
        _daysAndMonths = new HashSet<string>(dayAndMonthNames ?? [], StringComparer.OrdinalIgnoreCase);
        _portfolioHeads = new HashSet<string>(data.PortfolioHeads ?? [], StringComparer.Ordinal);
        _portfolioEnds = new HashSet<string>(data.PortfolioEnds ?? [], StringComparer.Ordinal);
        _data = data;
        _generic = new HashSet<string>(data.GenericWords ?? [], StringComparer.Ordinal);
        // Titles and roles of one word ("Professor", "Chief", "Director") end or precede a body's name, never belong to it.
        _honorifics = new HashSet<string>(people?.Honorifics ?? [], StringComparer.Ordinal);
        _personWords = new HashSet<string>((people?.Honorifics ?? []).Concat((people?.Roles ?? []).Where(r => !r.Contains(' ', StringComparison.Ordinal))), StringComparer.OrdinalIgnoreCase);
        // "IOM Uganda Chief of Mission Ali Abdi": a post whose name ends in a head word is not a body.
        var postsOfSeveralWords = (people?.Roles ?? []).Where(r => r.Contains(' ', StringComparison.Ordinal)).ToList();
        _roleEndingHere = postsOfSeveralWords.Count > 0 ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(postsOfSeveralWords)})$", RegexOptions.CultureInvariant) : null;
        _acronyms = new HashSet<string>(data.Organisations.SelectMany(o => o.Acronyms), StringComparer.Ordinal);
        _masked = Phrases.Matcher(data.NotOrganisations.Concat(data.Frameworks.SelectMany(f => f.Aliases.Append(f.Name).Concat(f.Acronyms))), RegexOptions.None);
        _places = new HashSet<string>(people?.PlaceNames ?? [], StringComparer.Ordinal);
        _seat = new Regex($@"\G\s+(?:{Phrases.Alternation(data.Seats ?? ["\u0000"])})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);
        _possessivesAndIndefinites = new HashSet<string>(data.PossessivesAndIndefinites ?? [], StringComparer.OrdinalIgnoreCase);
        _post = new Regex($@"\G(?:UN\s+|United\s+Nations\s+)?(?:{Phrases.Alternation(data.Posts ?? ["\u0000"])})\s", RegexOptions.CultureInvariant);
        // "IOM/UN Migration", "(OIM/ONU Migración)": a body's tagline names that body, not the UN, unless it opens a
        // longer name ("UN Migration Agency", "UN Migration Network").
        _taglines = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{Phrases.Alternation(data.Taglines ?? [])})(?![\p{{L}}\p{{N}}]|\s+\p{{Lu}})", RegexOptions.CultureInvariant);
        foreach (var organisation in data.Organisations)
        {
            foreach (var acronym in organisation.Acronyms)
            {
                _byAcronym.TryAdd(acronym, organisation);
            }
        }

        _knownNames = new PhraseIndex<KnownOrganisation>(data.Organisations.SelectMany(o => WithUnVariants(o.Aliases.Append(o.Name)).Select(name => (name, o))));
        _regionalNames = new PhraseIndex<KnownOrganisation>(data.Organisations.Where(o => o.RegionalBodies).SelectMany(o => RegionalVariants(WithUnVariants(o.Aliases.Append(o.Name))).Select(name => (name, o))));

        // "UN-Habitat", "UN-Jamaica relations": an acronym joined to a word by a hyphen is part of another name (joined
        // to another acronym, "UE-UA", it is still itself).
        _knownAcronyms = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{Phrases.Alternation(data.Organisations.SelectMany(o => o.Acronyms))})(?![\p{{L}}\p{{N}}]|-\p{{Lu}}\p{{Ll}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        _headWords = new HashSet<string>(data.HeadWords, StringComparer.Ordinal);
        // "… Council (NRC)" is a body, while "Council Session" alone is an event: some head words count only beside an acronym.
        _definedHeadWords = new HashSet<string>(data.HeadWords.Concat(data.DefinedHeadWords), StringComparer.Ordinal);
        _closingHeadWords = new HashSet<string>(data.ClosingHeadWords ?? [], StringComparer.Ordinal);
        _connectors = new HashSet<string>(data.Connectors, StringComparer.Ordinal);
        _conjunctions = new HashSet<string>(data.Conjunctions ?? [], StringComparer.Ordinal);
        // "l'association Entraide du Port", "the NGO Harbour Watch": a common noun that says what the capitalised name after it is.
        if (data.OrganisationCues is { Count: > 0 } cues)
        {
            _cued = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(cues)})\s+(?<name>\p{{Lu}}[\p{{L}}’'\-]+(?:\s+(?:(?:{Phrases.Alternation(data.Connectors)})\s+)?\p{{Lu}}[\p{{L}}’'\-]+){{0,5}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }

        // "(Foto: AP)", "Photo: AFP": the agency a photo credit names.
        if (data.CreditCues is { Count: > 0 } credits)
        {
            _creditAgency = new Regex($@"(?:{Phrases.Alternation(credits)})\s*(?<credit>[^\n)\]]{{1,60}})", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
    }

    public IReadOnlyList<FoundOrganisation> Find(string text, string? language = null, FoundTitle? headline = null)
    {
        // Characters already claimed by a mask or an earlier, longer match.
        var taken = new bool[text.Length];
        foreach (var m in _masked.Matches(text).Concat(_taglines.Matches(text)))
        {
            Array.Fill(taken, true, m.Index, m.Length);
        }

        var found = new Dictionary<string, (string Name, string? Acronym, List<Span> Mentions)>(StringComparer.OrdinalIgnoreCase);
        var posts = new HashSet<int>();

        void Add(string name, string? acronym, Span mention)
        {
            if (!found.TryGetValue(name, out var entry))
            {
                entry = (name, acronym, []);
                found[name] = entry;
            }

            entry.Mentions.Add(mention);
            Array.Fill(taken, true, mention.Index, mention.Length);
        }

        bool Free(int index, int length) => !taken.AsSpan(index, length).Contains(true);

        // Mentions of known bodies that turn out to be words of a longer name are given back.
        void Release(Func<string, Span, bool> partOfLongerName)
        {
            foreach (var (key, entry) in found.ToList())
            {
                foreach (var mention in entry.Mentions.Where(m => partOfLongerName(key, m)).ToList())
                {
                    entry.Mentions.Remove(mention);
                    Array.Fill(taken, false, mention.Index, mention.Length);
                }

                if (entry.Mentions.Count == 0)
                {
                    found.Remove(key);
                }
            }
        }

        // "United Nations Department of …", "European Union Delegation": a known body's name followed by a head word of
        // its own names another body, so the known one at its start is not named there ("Alianza Americas and Platform
        // for …" names two bodies).
        bool OpensLongerName(string key, Span mention, Span name)
        {
            if (mention.Index != name.Index || mention.End >= name.End)
            {
                return false;
            }

            if (key == UnitedNations)
            {
                return true;
            }

            var rest = Word().Matches(text[mention.End..name.End]);
            return Free(mention.End, name.End - mention.End) && rest.Count > 0 && !_conjunctions.Contains(rest[0].Value) && rest.Any(w => _headWords.Contains(w.Value));
        }

        // "United Nations Regional Network on Migration for Asia and the Pacific", "Réseau régional des Nations Unies sur
        // les migrations pour l'Afrique de l'Ouest": a regional body of a known one is a body of its own, with its region.
        void AddRegional(int start, int knownEnd)
        {
            var end = RegionAfter().Match(text, knownEnd) is { Success: true } region ? region.Index + region.Length : knownEnd;
            var name = text[start..end];
            Add(Whitespace().Replace(name, " "), null, new Span(start, name.Length, name));
        }

        foreach (var (index, length, _) in _regionalNames.Find(text).OrderByDescending(m => m.Length))
        {
            if (Free(index, length))
            {
                AddRegional(index, index + length);
            }
        }

        // "Name of a Body (NoB)": a new organisation and an acronym the rest of the text may use alone, read before the
        // known names so "United Nations University Institute for … (UNU-EHS)" is not the known university.
        var definitions = DefinedAcronym().Matches(text).ToList();
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in definitions)
        {
            var acronym = m.Groups["acronym"].Value;
            if (_byAcronym.ContainsKey(acronym) || !Free(m.Groups["acronym"].Index, acronym.Length))
            {
                continue;
            }

            // A known body's own name before a new acronym ("Missing Migrants Project (MMP)") stays the known body.
            if (NameBefore(text, m.Index, acronym) is { } name && Free(name.Index, name.Length) && name.Text.Split(' ').Any(_definedHeadWords.Contains)
                && !_knownNames.Find(name.Text).Any(k => k.Length == name.Text.Length))
            {
                defined[acronym] = name.Text;
                Add(name.Text, acronym, name);
            }
            else if (SpelledNameBefore(text, m.Index, acronym) is { } spelled && Free(spelled.Index, spelled.Length))
            {
                defined[acronym] = spelled.Text;
                Add(spelled.Text, acronym, spelled);
            }
        }

        // Known names first (longest first, so "UN Network on Migration" is not "UN"), then their acronyms.
        var nameMatches = _knownNames.Find(text).OrderByDescending(m => m.Length);
        foreach (var (index, length, organisation) in nameMatches)
        {
            // Names are found whatever their case ("assemblée générale des Nations unies"), but a name of one word
            // written small is a common word: "el ministro belga" is no news agency.
            var severalWords = text.AsSpan(index, length).ContainsAny(NameSeparators);
            if (!Free(index, length) || (char.IsLower(text[index]) && !severalWords))
            {
                continue;
            }

            // "our General Assembly in Madrid", "una asamblea general": the speaker's own body, or any body of the kind.
            if (severalWords && WordBefore(text, index) is { } before && _possessivesAndIndefinites.Contains(before))
            {
                continue;
            }

            // "the Regional UN Network on Migration for Asia and the Pacific" is a body of its own, not the global one.
            if (organisation.RegionalBodies && RegionalBefore().Match(text[Math.Max(0, index - 12)..index]) is { Success: true } regional)
            {
                AddRegional(index - regional.Length, index + length);
                continue;
            }

            // "Filippo Grandi, UN High Commissioner for Refugees": the title of a body's head names the post, not the body.
            if (_post.IsMatch(text, index))
            {
                posts.Add(index);
            }

            Add(organisation.Name, organisation.Acronyms.Count > 0 ? organisation.Acronyms[0] : null, new Span(index, length, text.Substring(index, length)));
        }

        // "Comité International de la Croix Rouge (CICR)": a spelling the data lacks, of a body whose acronym it knows,
        // is that body when the name's initials spell the acronym.
        foreach (var m in definitions)
        {
            var acronym = m.Groups["acronym"].Value;
            if (_byAcronym.TryGetValue(acronym, out var known) && Free(m.Groups["acronym"].Index, acronym.Length)
                && NameBefore(text, m.Index, acronym) is { } spelling && Free(spelling.Index, spelling.Length) && Spells(spelling.Text, acronym))
            {
                Add(known.Name, known.Acronyms[0], spelling);
            }
        }

        if (_cued is not null)
        {
            foreach (Match m in _cued.Matches(text))
            {
                var name = m.Groups["name"];
                if (Free(name.Index, name.Length))
                {
                    Add(name.Value, null, new Span(name.Index, name.Length, name.Value));
                }
            }
        }

        if (_creditAgency is not null)
        {
            foreach (Match m in _creditAgency.Matches(text))
            {
                foreach (var agency in CreditAgencies(m.Groups["credit"]))
                {
                    if (Free(agency.Index, agency.Length) && !_byAcronym.ContainsKey(agency.Text))
                    {
                        Add(agency.Text, agency.Text, agency);
                    }
                }
            }
        }

        // Names built on a head word ("… Committee", "… Network") that the data does not know yet.
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var words = Word().Matches(run.Value).Select(w => new Span(run.Index + w.Index, w.Length, w.Value)).ToList();
            var from = 0;
            // "The NGO Committee" is "NGO Committee", "Chief of State Migration Service" is "State Migration Service".
            // "elaborado por El Colegio de México": a Spanish or French article written capitalised in mid-sentence belongs
            // to the name (English capitalises "The" in running titles too).
            while (from < words.Count && ((IsArticle(words[from].Text) && !(from == 0 && words[0].Text != "The" && words[0].Index >= 2 && text[words[0].Index - 1] == ' ' && char.IsLower(text[words[0].Index - 2])))
                                          || _personWords.Contains(words[from].Text) || _connectors.Contains(words[from].Text)))
            {
                from++;
            }

            var head = words.FindIndex(from, w => _headWords.Contains(w.Text));
            // "Refugees International", "HOST International": a word that makes a body only when it closes the name.
            if (head < 0 && words.Count - from >= 2 && _closingHeadWords.Contains(words[^1].Text))
            {
                head = words.Count - 1;
            }

            if (head < 0 || (_roleEndingHere?.Match(text, Math.Max(0, words[head].End - 60), Math.Min(60, words[head].End)) is { Success: true } post && post.Index < words[head].Index))
            {
                continue;
            }

            // "Jane Roe of the Harbour Institute": two or more words before "of" with no head word among them are a
            // person's name, and the body starts after the connector.
            var connector = words.FindIndex(from, head - from, w => _connectors.Contains(w.Text));
            if (connector - from >= 2 && !words.Skip(from).Take(connector - from).Any(w => _headWords.Contains(w.Text)))
            {
                from = connector + 1;
                while (from < head && IsArticle(words[from].Text))
                {
                    from++;
                }
            }

            // "Human Mobility of the Ministry of Foreign Affairs", "General del Instituto Guatemalteco de Migración": words
            // before a connector that opens a name led by its head word are a unit's or a post's, not the body's.
            var beforeHead = head - 1;
            while (beforeHead > from && IsArticle(words[beforeHead].Text))
            {
                beforeHead--;
            }

            if (beforeHead > from && _connectors.Contains(words[beforeHead].Text) && !words.Skip(from).Take(beforeHead - from).Any(w => _definedHeadWords.Contains(w.Text)))
            {
                from = head;
            }

            // "Minister of State in the Ministry of …": a post held in a body is not part of the body's name.
            if (InsideWord().Matches(text[words[from].Index..words[head].Index]).LastOrDefault() is { } inside)
            {
                var bodyStart = words[from].Index + inside.Index + inside.Length;
                from = words.FindIndex(from, w => w.Index >= bodyStart);
            }

            // "Oxford University Professor Ian Goldin": the body ends where a person's title starts.
            // The body ends where a person is named after their title ("Oxford University Professor Ian Goldin"), not at a
            // title the body is named after ("Office of the President", "Office of the Special Adviser on Africa"); a
            // day ends it too ("… Ministry of Labour on Saturday", but not "Santo Domingo").
            var to = head + 1;
            while (to < words.Count
                   && !(_daysAndMonths.Contains(words[to].Text) && _connectors.Contains(words[to - 1].Text))
                   // "Ministry of Foreign Affairs Roseline Njogu": a portfolio's "Affairs" closes the name unless joined on.
                   && !(_portfolioEnds.Contains(words[to - 1].Text) && !_connectors.Contains(words[to].Text))
                   && !(_personWords.Contains(words[to].Text) && to + 1 < words.Count && !_connectors.Contains(words[to + 1].Text) && !IsArticle(words[to + 1].Text))
                   // "… de Integración en Montevideo": where a body sits is not part of its name ("… en el Exterior" is).
                   && !(words[to].Text == "en" && to + 1 < words.Count && _places.Contains(words[to + 1].Text)))
            {
                to++;
            }

            // "Free Party MPs", "Network Coordinator": people right after the body's head word close the run; a title
            // the body is named after does not ("Office of the Vice President").
            if (to == words.Count && to - 1 > head && _personWords.Contains(words[to - 1].Text) && _headWords.Contains(words[to - 2].Text))
            {
                to--;
            }

            // "… of Economics and Political Science Mr. Lutfey Siddiqi": an honorific opens a person's name, never ends a body's.
            while (to - 1 > head && _honorifics.Contains(words[to - 1].Text))
            {
                to--;
            }

            while (to > from && (_connectors.Contains(words[to - 1].Text) || IsArticle(words[to - 1].Text)))
            {
                to--;
            }

            // "IOM Mission" is a part of IOM; "UN Department of …" is a body of its own.
            var content = words.Skip(from).Take(to - from).Where(w => !_headWords.Contains(w.Text) && !_connectors.Contains(w.Text)).ToList();
            // "Centre Party": two head words make a name between them.
            var twoHeads = content.Count == 0 && words.Skip(from).Take(to - from).Select(w => w.Text).Where(_headWords.Contains).Distinct().Count() >= 2;
            if (to - from < 2 || (content.All(w => _generic.Contains(w.Text)) && !twoHeads) || content.Any(w => w.Text != "UN" && _acronyms.Contains(w.Text)))
            {
                continue;
            }

            var end = to == words.Count && _portfolioHeads.Contains(words[head].Text) ? PortfolioListEnd(text, words[to - 1].End) : words[to - 1].End;
            // "Ministry of Education, Oxfam and Amnesty International": items that are known bodies end the name at the comma.
            if (!Free(words[from].Index, end - words[from].Index))
            {
                end = words[to - 1].End;
            }

            // "Permanent Mission of Mexico to the United Nations", "Misión Permanente de México ante las Naciones Unidas":
            // the body a mission is accredited to belongs to its name.
            var seat = to == words.Count && _seat.Match(text, end) is { Success: true } accredited ? new Span(end, accredited.Length, accredited.Value) : (Span?)null;
            var nameEnd = seat?.End ?? end;
            var name = new Span(words[from].Index, nameEnd - words[from].Index, text[words[from].Index..nameEnd]);
            // In a headline every word is capitalised ("Ecuador Chair Takes Center Stage at the Harbour Week"): a body
            // named only there, among other capitalised words, is one when the story names it again.
            if (headline is not null && name.Index >= headline.Index && name.End <= headline.End && !NamedOutside(text, name.Text, headline)
                && (CapitalisedWord().IsMatch(text[headline.Index..name.Index]) || CapitalisedWord().IsMatch(text[name.End..headline.End])))
            {
                continue;
            }

            // Only a mention where the name starts can open it: a name starting on a free word skips the walk over the bodies.
            if (taken[name.Index])
            {
                Release((key, mention) => OpensLongerName(key, mention, name));
            }

            if (!Free(name.Index, end - name.Index))
            {
                continue;
            }

            // The body a mission is accredited to is a word of the mission's name, not a body of its own.
            if (seat is { } accreditedTo)
            {
                Release((_, mention) => mention.Index >= accreditedTo.Index && mention.End <= accreditedTo.End);
            }

            // "the NGO Committee" after "the NGO Committee on Migration" is the same body; "UN X" is "United Nations X".
            var canonical = UnPrefix().Replace(name.Text, "United Nations ");
            var existing = found.Keys.FirstOrDefault(k => k.StartsWith(canonical, StringComparison.OrdinalIgnoreCase));
            Add(existing ?? canonical, existing is null ? null : found[existing].Acronym, name);
        }

        foreach (Match m in _knownAcronyms.Matches(text))
        {
            // Short acronyms that are also ordinary words ("WHO", "EU") count only beside their full name.
            if (_byAcronym.TryGetValue(m.Value, out var organisation) && Free(m.Index, m.Length)
                && (organisation.AcronymAlone || found.ContainsKey(organisation.Name) || (organisation.AloneInProse && InProse(text, m.Index, m.Length))
                    || (language is not null && organisation.AloneIn?.GetValueOrDefault(m.Value)?.Contains(language) == true)))
            {
                Add(organisation.Name, organisation.Acronyms[0], new Span(m.Index, m.Length, m.Value));
            }
        }

        // "Dakar, 26 sept (APS) -", "ISLAMABAD, Dec 21 (APP):": the agency that signs a dateline.
        foreach (Match m in DatelineAgency().Matches(text))
        {
            var agency = m.Groups["agency"];
            if (Free(agency.Index, agency.Length) && !_byAcronym.ContainsKey(agency.Value))
            {
                Add(agency.Value, agency.Value.All(c => !char.IsLower(c)) ? agency.Value : null, new Span(agency.Index, agency.Length, agency.Value));
            }
        }

        foreach (var (acronym, name) in defined)
        {
            foreach (Match m in Regex.Matches(text, $@"(?<![\p{{L}}\-]){Regex.Escape(acronym)}(?![\p{{L}}\-])"))
            {
                if (Free(m.Index, m.Length))
                {
                    Add(name, acronym, new Span(m.Index, m.Length, m.Value));
                }
            }
        }

        // A UN named only as part of another body's acronym is not the UN the text speaks of.
        if (found.TryGetValue(UnitedNations, out var un) && un.Mentions.All(m => JoinedToAnotherName(text, m)))
        {
            found.Remove(UnitedNations);
        }

        return found.Values
            .Select(f => new FoundOrganisation(f.Name, f.Acronym, f.Mentions.OrderBy(s => s.Index).ToList(), f.Mentions.All(m => posts.Contains(m.Index))))
            .OrderBy(f => f.Mentions[0].Index)
            .ToList();
    }

    /// <summary>"CEA-ONU", "DAES/ONU", "IOM-UN relations": the UN's acronym joined to another's is part of that name.</summary>
    private static bool JoinedToAnotherName(string text, Span mention) =>
        (mention.Index > 0 && text[mention.Index - 1] is '/' or '-') || (mention.End < text.Length && text[mention.End] == '/');

    private static bool NamedOutside(string text, string name, FoundTitle headline) =>
        text.AsSpan(0, headline.Index).Contains(name, StringComparison.OrdinalIgnoreCase) || text.AsSpan(headline.End).Contains(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>"…in migrant populations, WHO and a research consortium…": the words either side are written small.</summary>
    private static bool InProse(string text, int index, int length) =>
        WordBefore(text, index) is { } before && before.Any(char.IsLower)
        && NextWord().Match(text, index + length) is { Success: true } after && after.Groups["word"].Value.Any(char.IsLower);

    /// <summary>The word right before a position, past spaces and commas (looked for in the few characters before it only).</summary>
    private static string? WordBefore(string text, int index)
    {
        var from = Math.Max(0, index - WordBeforeReach);
        return PreviousWord().Match(text, from, index - from) is { Success: true } word ? word.Value : null;
    }

    /// <summary>
    /// The capitalised words before "(ACR)": the run stops at a lowercase word or "the", and crosses a comma only
    /// when the acronym's first letter is not yet accounted for ("Climate, Migration and Displacement Platform (CMDP)").
    /// </summary>
    private Span? NameBefore(string text, int parenthesis, string acronym)
    {
        var words = new List<Span>();
        var cursor = parenthesis;
        var windowStart = Math.Max(0, parenthesis - 160);
        foreach (Match match in Word().Matches(text[windowStart..parenthesis]).Reverse())
        {
            var word = new Span(windowStart + match.Index, match.Length, match.Value);
            var value = word.Text;
            var between = text[word.End..cursor];
            if (between.Contains(',', StringComparison.Ordinal) && Initials(words).Contains(acronym[0], StringComparison.Ordinal))
            {
                break;
            }

            if (between.Trim(' ', ',').Length > 0 || between.Contains('\n', StringComparison.Ordinal))
            {
                break;
            }

            // "Parliamentary Assembly of the Council of Europe (PACE)": an article after a preposition is inside the name
            // ("… Training and the National Committee (NC)" starts a second one).
            if (!char.IsUpper(value[0]) && !_connectors.Contains(value)
                && !(IsArticle(value) && WordBefore(text, word.Index) is { } previous && _connectors.Contains(previous) && !_conjunctions.Contains(previous)))
            {
                break;
            }

            words.Insert(0, word);
            cursor = word.Index;
            if (words.Count > 10)
            {
                break;
            }
        }

        // "La Secretaría de … (SPM)" at a sentence's start: the article is not part of the name (unless the acronym spells it);
        // "Director of the Nordic Refugee Council (NRC)": nor is the post of the person who heads it.
        while (words.Count > 0 && (!char.IsUpper(words[0].Text[0]) || (_personWords.Contains(words[0].Text) && words.Count > 2 && _connectors.Contains(words[1].Text))
            || (words.Count > 2 && acronym[0] != words[0].Text[0] && LeadingArticle().Match(words[0].Text + " ").Length == words[0].Length + 1)))
        {
            words.RemoveAt(0);
        }

        if (words.Count < 2)
        {
            return null;
        }

        var start = words[0].Index;
        var end = words[^1].End;
        return new Span(start, end - start, text[start..end]);
    }

    /// <summary>
    /// "Forum tunisien pour les droits économiques et sociaux (FTDES)": a name written in sentence case, as French and
    /// Spanish write a body's name, whose every word but the small joining ones gives the acronym its next letter.
    /// </summary>
    private Span? SpelledNameBefore(string text, int parenthesis, string acronym)
    {
        var letters = acronym.Where(char.IsLetter).Select(Folded).ToList();
        if (letters.Count < MinSpelledLetters)
        {
            return null;
        }

        var windowStart = Math.Max(0, parenthesis - 160);
        var start = -1;
        var next = letters.Count - 1;
        var writtenSmall = false;
        var cursor = parenthesis;
        foreach (Match word in Word().Matches(text[windowStart..parenthesis]).Reverse())
        {
            var at = windowStart + word.Index;
            if (text[(at + word.Length)..cursor].Trim().Length > 0)
            {
                return null;
            }

            cursor = at;
            if (_connectors.Contains(word.Value) || IsArticle(word.Value))
            {
                continue;
            }

            if (Folded(word.Value[0]) != letters[next])
            {
                return null;
            }

            start = at;
            writtenSmall |= char.IsLower(word.Value[0]);
            if (--next < 0)
            {
                break;
            }
        }

        // In title case the name is NameBefore's to read, with its head word.
        return next < 0 && writtenSmall && char.IsUpper(text[start]) ? new Span(start, parenthesis - start, text[start..parenthesis]) : null;
    }

    private static char Folded(char letter) => char.ToUpperInvariant(letter.ToString().Normalize(System.Text.NormalizationForm.FormD)[0]);

    /// <summary>
    /// "AP" alone, or "Jane Roe/AP/SIPA": the agencies of a photo credit are the words in capitals it names alone or
    /// after a slash; the photographer's name comes first.
    /// </summary>
    private static IEnumerable<Span> CreditAgencies(Group credit)
    {
        var parts = CreditPart().Matches(credit.Value).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i].Groups["part"];
            var alone = parts.Count == 1 || i > 0;
            if (alone && AgencyWord().IsMatch(part.Value))
            {
                yield return new Span(credit.Index + part.Index, part.Length, part.Value);
            }

            if (i == 0 && !parts[i].Value.TrimEnd().EndsWith('/'))
            {
                yield break;
            }
        }
    }

    [GeneratedRegex(@"(?<part>[^/\s][^/]*?)\s*(?:/|$|(?=[)\]]))")]
    private static partial Regex CreditPart();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\p{N}&]{1,7}$")]
    private static partial Regex AgencyWord();

    /// <summary>
    /// "Ministry of Humanitarian Affairs, Disaster Management and Social Development": a ministry named after several
    /// portfolios lists them with commas and a last "and"; the list ends the name where it ends. Items that are bodies
    /// themselves (a head word, an acronym) make it a list of bodies instead.
    /// </summary>
    private int PortfolioListEnd(string text, int end)
    {
        var list = PortfolioList().Match(text, end);
        return list.Success && !Word().Matches(list.Value).Any(w => _headWords.Contains(w.Value) || (w.Length > 1 && w.Value.All(char.IsUpper)))
            ? end + list.Length
            : end;
    }

    private static bool IsArticle(string word) => LeadingArticle().Match(Phrases.Capitalised(word) + " ").Length == word.Length + 1;

    [GeneratedRegex(@"Regional\s+$")]
    private static partial Regex RegionalBefore();

    [GeneratedRegex(@"[\p{L}]+(?=[\s,;:]+$)")]
    private static partial Regex PreviousWord();

    [GeneratedRegex(@"\G[\s,;:]+(?<word>[\p{L}]+)")]
    private static partial Regex NextWord();

    // " for Asia and the Pacific", " in the Arab Region", " pour l'Afrique de l'Ouest": the region a regional body serves.
    [GeneratedRegex(@"\G[ \t]+(?:for|in|of|pour|en|para|de)[ \t]+(?:the[ \t]+|la[ \t]+|l['’]|el[ \t]+)?\p{Lu}[\p{L}\-]*(?:[ \t]+(?:(?:and|the|of|et|de|du|y|del|la)[ \t]+)*(?:l['’])?\p{Lu}[\p{L}\-]*)*")]
    private static partial Regex RegionAfter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"Red Regional de las Naciones Unidas…", "United Nations Regional Network…": a regional body's name.</summary>
    private static IEnumerable<string> RegionalVariants(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var words = name.Split(' ');
            var after = name.StartsWith("United Nations ", StringComparison.Ordinal) ? 2 : 1;
            if (words.Length - after < 2)
            {
                continue;
            }

            foreach (var regional in (string[])["Regional", "régional"])
            {
                yield return string.Join(' ', words.Take(after).Append(regional).Concat(words.Skip(after)));
            }
        }
    }

    /// <summary>"United Nations X" is also written "UN X", and the other way round.</summary>
    private static IEnumerable<string> WithUnVariants(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            yield return name;
            if (name.StartsWith("United Nations ", StringComparison.Ordinal))
            {
                yield return "UN " + name["United Nations ".Length..];
            }
            else if (name.StartsWith("UN ", StringComparison.Ordinal))
            {
                yield return "United Nations " + name["UN ".Length..];
            }
        }
    }

    private static bool Spells(string name, string acronym)
    {
        var initials = Word().Matches(name).Select(w => w.Value[0]).Where(char.IsUpper).ToList();
        var next = 0;
        foreach (var letter in acronym.Where(char.IsUpper))
        {
            next = initials.IndexOf(letter, next) + 1;
            if (next == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Initials(List<Span> words) => new(words.Where(w => char.IsUpper(w.Text[0])).Select(w => w.Text[0]).ToArray());

    [GeneratedRegex(@"\s\((?<acronym>\p{Lu}[\p{Lu}\p{Ll}&\-]{0,9}\p{Lu})\)")]
    private static partial Regex DefinedAcronym();

    [GeneratedRegex(@"^(?:The|La|Le|Les|El|Los|Las|L['’])\s*")]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"[\p{L}&][\p{L}\-’']*")]
    private static partial Regex Word();

    // The capitalised run only holds "in the/la/le/les/las/los" between its words.
    [GeneratedRegex(@"\sin\s+(?:the|la|le|les|las|los)\s+")]
    private static partial Regex InsideWord();

    [GeneratedRegex(@"\G(?:,\s\p{Lu}[\p{L}\-]*(?:\s\p{Lu}[\p{L}\-]*){0,2})+,?\s(?:and|et|y)\s\p{Lu}[\p{L}\-]*(?:\s\p{Lu}[\p{L}\-]*){0,2}")]
    private static partial Regex PortfolioList();

    [GeneratedRegex(@"^UN\s+")]
    private static partial Regex UnPrefix();

    [GeneratedRegex(@"(?<![\p{L}])\p{Lu}\p{Ll}{2,}")]
    private static partial Regex CapitalisedWord();

    // What joins the words of a name: "and", "y", "e", "et", "&", then "of", "de", "en"… with an article.
    private const string NameJoint = @"(?:(?:and|y|e|et|&) )?(?:(?:of|for|on|in|en|de|des|du|pour|sur|para|sobre|del)(?: (?:the|la|las|los|le|les|el))? )?";

    // A capitalised word of a name, or one capital alone ("Mohammed V"), but not a capital before a dot ("U.S.").
    private const string NameWord = @"\p{Lu}(?:[\p{L}\-]+|(?!\.))";

    // Capitalised words joined into a name, opening with a word of two letters or more or with dotted initials ("U.S.").
    [GeneratedRegex(@"(?<![\p{L}])(?<!\p{Lu}\.)(?:(?:\p{Lu}\.){2,3} |\p{Lu}[\p{L}\-]+ " + NameJoint + ")" + NameWord + "(?: " + NameJoint + NameWord + "){0,9}")]
    private static partial Regex CapitalisedRun();

    // A place, a comma, the day, the agency in brackets, then the dash or the story ("11:55am (EDT)" has no place,
    // "2025.– (Redacción)" is a byline after the dash).
    [GeneratedRegex(@"(?m)^[^\n,]{1,60},[^\n]{0,30}?[0-9][^\n()\-–—:]{0,12}\((?<agency>\p{Lu}[\p{L}\-]{1,14}(?:[ \t]\p{Lu}[\p{L}\-]{1,14}){0,2})\)[ \t]*(?:--|[-–—:]|\.-|\p{Lu}\p{Ll})")]
    private static partial Regex DatelineAgency();
}
