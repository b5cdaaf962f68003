using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A person the text names, without honorifics, with the role and organisation it gives them.</summary>
public sealed record FoundPerson(string Name, string? Role, string? Organisation);

/// <summary>Where a person is named, in full or by surname after an honorific ("Ambassador Swing").</summary>
public sealed record PersonMention(int Index, int Length, FoundPerson Person);

/// <summary>
/// People are runs of two to four capitalised words that the text treats as a person: after an honorific or a
/// role ("IOM Director General William Lacy Swing", "Dr Ian M Kysel"), before an appositive role
/// (", Director of MRI"), next to a verb of speech or intervention, in a photo credit or a contact block.
/// Shape alone is not enough: "Effective Community Engagement" is a panel, not a person.
/// </summary>
public sealed partial class PersonFinder
{
    private const int LookBack = 140;
    private const int MaxStackRow = 128;
    private readonly HashSet<string> _honorifics;
    private readonly HashSet<string> _nonNameWords;
    private readonly string[] _nonNameEndings;
    private readonly HashSet<string> _particles;
    private readonly Regex _roleAtEnd;
    private readonly Regex _conjoinedPostAtEnd;
    private readonly Regex _roleAnywhere;
    private readonly Regex _roleAtStart;
    private readonly Regex _honorificOrRoleAtEnd;
    private readonly Regex? _surnameTitleAtEnd;
    private readonly Regex _speechAtEnd;
    private readonly Regex _verbAfter;
    private readonly Regex _appositive;
    private readonly Regex _photoAtEnd;
    private readonly Regex _roleAtLineStart;
    private readonly Regex? _groupAtEnd;
    private readonly Regex _roleRightAfter;
    private readonly Regex _contactHeader;
    private readonly Regex _roleOfBodyAtEnd;
    private readonly Regex? _authorCueAtEnd;
    private readonly Regex? _authorHeading;
    private readonly List<(string Surname, string Name)> _knownSurnames;
    private readonly HashSet<string> _knownNames;
    private readonly Dictionary<string, string> _knownForms;
    private readonly List<(string First, string Last, string Name)> _knownFirstAndLast;
    private readonly Regex? _surnameAlone;

    public PersonFinder(PeopleData data)
    {
        _honorifics = new HashSet<string>(data.Honorifics, StringComparer.Ordinal);
        // "El Jefe de Misión de la OIM de Ecuador Damien Thuriaux": a country's name is never part of a person's.
        _nonNameWords = new HashSet<string>(data.NonNameWords.Concat(data.PlaceNames ?? []), StringComparer.Ordinal);
        _nonNameEndings = [.. data.NonNameEndings ?? []];
        _particles = new HashSet<string>(data.NameParticles ?? [], StringComparer.Ordinal);
        var roles = Phrases.Alternation(data.Roles);
        // A post is written small in a sentence and capitalised as a title after the name ("Ana Ruiz, Coordinadora
        // Residente de Naciones Unidas"); a headline capitalises words that precede no name ("Ministers Adopt …").
        var rolesAnyCase = Phrases.Alternation(Phrases.WithCapitalised(data.Roles));
        var honorifics = Phrases.Alternation(data.Honorifics);
        // "Selon Filippo Furri, …", "According to Ana Ruiz, …": the source of a view is a person as the speaker is.
        var speech = Phrases.Alternation(data.AllSpeechVerbs().Concat(Phrases.WithCapitalised(data.AccordingTo)));
        var interventions = Phrases.Alternation(data.InterventionVerbs);
        // "el embajador ecuatoriano Santiago Chávez", "le ministre malien", "le député conservateur Gérard Deltell": a
        // nationality or a party may follow the role, and a field in brackets ("Consul (Labour) Zahidur Rahman").
        _roleAtEnd = new Regex($@"(?<![\p{{L}}])(?<role>{roles})(?:\s+\p{{Ll}}{{2,}}(?:{Phrases.NationalityEndings}|ateur|atrice|iste|ista|ate|ata))?(?:\s*\([\p{{L}} ]{{2,30}}\))?\s*,?\s*$", RegexOptions.CultureInvariant);
        // "Minister for Immigration and Border Protection Peter Dutton", "Director of Data, Research and Policy Ana Ruiz": a
        // post over two fields or a list of them, with the name after it (in English: "Directora General de Organismos y
        // Conferencias Internacionales, Ana Ruiz" names her after a comma).
        _conjoinedPostAtEnd = new Regex($@"(?<![\p{{L}}])(?:{rolesAnyCase})\s+(?:of|for|on)\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}\-]*,?\s+){{1,4}}(?:and|&)\s+(?:\p{{Lu}}[\p{{L}}\-]*\s+){{0,3}}$", RegexOptions.CultureInvariant);
        // "The authors Ana Ruiz, Jane Roe and …": a group's name before a list of people (never a person's role).
        _groupAtEnd = data.GroupNouns is { Count: > 0 } groups ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(groups)})\s+$", RegexOptions.CultureInvariant) : null;
        // "Ana Ruiz Vidal" over "Presidenta de la República" (a blank line between when the page spaced its lines), and
        // "Ana Ruiz Vidal Ministra del Interior" in a table's cell.
        _roleAtLineStart = new Regex($@"^[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(?:{roles})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        // "Publié le 31 juillet 2021 - écrit par : Ana Ruiz": a byline's words anywhere on the line, not only at its start.
        _authorCueAtEnd = data.AuthorCues is { Count: > 0 } cues ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(cues)})\s*:?\s+$", RegexOptions.CultureInvariant) : null;
        // "Authored By:", "Autores": a heading on a line of its own over the authors' names.
        _authorHeading = data.AuthorHeadings is { Count: > 0 } authorHeadings ? new Regex($@"^\s*(?:{Phrases.Alternation(authorHeadings)})\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase) : null;
        _roleRightAfter = new Regex($@"^[ \t]+\p{{Lu}}\p{{Ll}}*(?<=(?:{rolesAnyCase}))\s+(?:of|de|del|du|des|for)\s", RegexOptions.CultureInvariant);
        // "chair-in office" is no chair: a role is a word of its own.
        _roleAnywhere = new Regex($@"(?<![\p{{L}}])(?:{rolesAnyCase})(?![\p{{L}}\-])", RegexOptions.CultureInvariant);
        _roleAtStart = new Regex($@"^(?:{roles})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        // "We thank Ambassador Getahun": a personal title a surname alone may follow.
        _surnameTitleAtEnd = data.SurnameTitles is { Count: > 0 } surnameTitles ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(surnameTitles)})[ \t]+$", RegexOptions.CultureInvariant) : null;
        // "Ambassador (Mr.) Shinichi KITAJIMA": a list of officers puts the honorific in brackets.
        _honorificOrRoleAtEnd = new Regex($@"(?<![\p{{L}}])(?:{honorifics}|{roles})\)?\s*$", RegexOptions.CultureInvariant);
        // "…, a rétorqué son ancienne collègue, Lisa Raitt": the speaker may be introduced by their tie to someone named.
        _speechAtEnd = new Regex($@"(?<![\p{{L}}])(?:{speech})(?:\s+(?:son|sa|su|his|her|their|leur)\s+\p{{Ll}}+(?:\s+\p{{Ll}}+)?)?\s*,?\s*$", RegexOptions.CultureInvariant);
        // "Ana Ruiz (diputada del Parlasur) afirmó…": the verb may come after the person's post in brackets, or in the
        // perfect ("has announced").
        _verbAfter = new Regex($@"^(?:[ \t]*\([^()\n]{{1,120}}\))?,?\s+(?:(?:has|had)\s+)?(?:(?:also|later|then|further|subsequently|aussi|también)\s+)?(?:{speech}|{interventions}|{Phrases.Alternation(data.ActionVerbs)})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        _appositive = new Regex($@"^(?:,\s+(?:the\s+|a\s+|an\s+|le\s+|la\s+|el\s+)?[^,.;:“”""«»]{{0,70}}?(?<![\p{{L}}])(?:{rolesAnyCase})(?![\p{{L}}])|,?\s+(?:from|of|de|del|du)\s+(?:la\s+|l['’]|the\s+)?(?:\p{{Ll}}{{4,}}\s+)?(?=\p{{Lu}})|\s+(?:en sa qualité de|in (?:his|her) capacity as|en su (?:calidad|condición) de)\s+[^,.;:]{{0,40}}?(?<![\p{{L}}])(?:{rolesAnyCase}))", RegexOptions.CultureInvariant);
        // "Photo:", and "© IOM/", "Foto: ACNUR/" or "Photo : OIM 2022/" with the agency before the photographer.
        _photoAtEnd = new Regex($@"(?:{Phrases.Alternation(data.PhotoCredits)})\s*(?:(?:[\p{{Lu}}0-9][\p{{L}}0-9&.\-]*\s?){{1,3}}/\s*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        _contactHeader = Phrases.Matcher(data.ContactHeaders);
        // "Director General of IOM William Lacy Swing", "Secrétaire général de la CNUCED, Supachai Panitchpakdi",
        // "Federal Secretary for Interior Aftab Durrani", "el Jefe de Personal de la OIM Mohammed Abdiker".
        _roleOfBodyAtEnd = new Regex($@"(?<![\p{{L}}])(?:{roles})\s+(?:of|de|del|du|of\s+the|de\s+la|de\s+l['’]|to|to\s+the|for|for\s+the|auprès\s+de|ante)\s*\p{{Lu}}[\p{{L}}\-]*(?:\s+(?:(?:of|of\s+the|de|de\s+la|del|du|des)\s+)?\p{{Lu}}[\p{{L}}\-]*){{0,3}}\s*,?\s*$", RegexOptions.CultureInvariant);
        _knownSurnames = (data.KnownPeople ?? []).SelectMany(p => p.Surnames.Select(s => (s, p.Name))).ToList();
        _knownNames = new HashSet<string>((data.KnownPeople ?? []).Select(p => KnownKey(p.Name)), StringComparer.Ordinal);
        _surnameAlone = (data.KnownPeople ?? []).Where(p => p.SurnameAlone).SelectMany(p => p.Surnames).ToList() is { Count: > 0 } alone
            ? new Regex($@"(?<![\p{{L}}\-])(?:{Phrases.Alternation(alone)})(?![\p{{L}}\-]|\s+(?:{Phrases.Alternation(data.EponymNouns ?? ["administration"])})(?![\p{{L}}]))", RegexOptions.CultureInvariant)
            : null;
        // "Antonio Guterres" and "William Swing": a well-known name written without its accents or its middle names.
        _knownForms = new Dictionary<string, string>(StringComparer.Ordinal);
        _knownFirstAndLast = [.. (data.KnownPeople ?? []).Select(p => p.Name.Split(' ')).Where(w => w.Length >= 2)
            .Select(w => (Spelling.Folded(w[0]), Spelling.Folded(w[^1]), string.Join(' ', w)))];
        foreach (var known in data.KnownPeople ?? [])
        {
            var words = known.Name.Split(' ');
            _knownForms.TryAdd(KnownKey(known.Name), known.Name);
            _knownForms.TryAdd(KnownKey($"{words[0]} {words[^1]}"), known.Name);
            // "President Bolsonaro" before "Jair Bolsonaro" on one page: the surname alone is the same person.
            foreach (var surname in known.Surnames)
            {
                _knownForms.TryAdd(KnownKey(surname), known.Name);
            }
        }
    }

    public (IReadOnlyList<FoundPerson> People, IReadOnlyList<PersonMention> Mentions) Find(string text, IReadOnlyList<FoundOrganisation> organisations, FoundTitle? headline = null)
    {
        var people = new Dictionary<string, FoundPerson>(StringComparer.Ordinal);
        var mentions = new List<PersonMention>();
        // Names read with no evidence of a person, kept for the list check after the walk.
        var unproven = new List<(int Start, int End, string Name, int Words)>();
        // A quotation the text's end cuts off is no sure span: names in it are read as anywhere else.
        var quoted = Quotations.Find(text, withSingle: true, withCutOff: false);
        var organisationChars = new bool[text.Length];
        foreach (var mention in organisations.SelectMany(o => o.Mentions))
        {
            Array.Fill(organisationChars, true, mention.Index, mention.Length);
        }

        var contactFrom = _contactHeader.Match(text) is { Success: true } header ? header.Index : int.MaxValue;
        HashSet<string>? ordinaryWords = null;
        List<(int Start, int End)>? nameLists = null;

        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var tokens = Tokens().Matches(run.Value).ToList();
            // Names in capitals ("MS. JANE DOE", "Laura QUIÑONES") count beside a written-out name or after an honorific.
            var capitalsAreNames = tokens.Any(t => t.Value.Any(char.IsLower) && IsNameToken(t.Value, false))
                || tokens.Any(t => _honorifics.Contains(t.Value) && t.Value.All(c => !char.IsLower(c)))
                || (LineBefore(text, run.Index) is var lineBefore && (_honorificOrRoleAtEnd.IsMatch(lineBefore) || _photoAtEnd.IsMatch(lineBefore)))
                || (tokens.Count > 1 && IsByline(LineBefore(text, run.Index + tokens[1].Index))); // "By BRADLEY S. KLAPPER"
            var next = 0;
            while (next < tokens.Count)
            {
                // One run can hold several names: "External Affairs Minister Sushma Swaraj", "His Excellency Ambassador Luis Chavez".
                var first = tokens.FindIndex(next, t => char.IsUpper(t.Value[0]) && IsNameToken(t.Value, capitalsAreNames) && !organisationChars[run.Index + t.Index]);
                if (first < 0)
                {
                    break;
                }

                var last = first;
                // "the Harbour Post’s Karim Benali": a possessive ends a name; the next one starts after it.
                while (last + 1 < tokens.Count && !organisationChars[run.Index + tokens[last + 1].Index] && !EndsSentence(tokens[last].Value)
                       && !tokens[last].Value.EndsWith("’s", StringComparison.Ordinal) && !tokens[last].Value.EndsWith("'s", StringComparison.Ordinal))
                {
                    var following = tokens[last + 1].Value;
                    if (GluedToLetter(text, run.Index + tokens[last + 1].Index + following.Length))
                    {
                        // "Tichenor U.S. Permanent…": "U." glued to "S." is an abbreviation, not an initial.
                        break;
                    }

                    if (IsNameToken(following, capitalsAreNames))
                    {
                        last++;
                    }
                    else if (MiddleInitial().IsMatch(following) && tokens[last].Value.Length > 2
                             && (last + 2 == tokens.Count - 1 || (last + 3 == tokens.Count - 1 && SurnameParticle().IsMatch(tokens[last + 2].Value))) && IsNameToken(tokens[^1].Value, capitalsAreNames)
                             && !organisationChars[run.Index + tokens[^1].Index])
                    {
                        // "Silvano M. Tomasi": between a first name and the surname that closes the run "M." is an initial,
                        // not "Monsieur" ("l'Ambassadeur du Mexique M. Luis Alfonso de Alba").
                        last = tokens.Count - 1;
                    }
                    else if (RegnalNumber().IsMatch(following) && _honorificOrRoleAtEnd.IsMatch(LineBefore(text, run.Index + tokens[first].Index)))
                    {
                        // "le roi Mohammed VI", "King Felipe VI": after a title, the numeral ends a sovereign's name.
                        last++;
                        break;
                    }
                    else if (char.IsUpper(tokens[last].Value[0]) && last + 2 < tokens.Count && IsParticle(following) && IsNameToken(tokens[last + 2].Value, capitalsAreNames))
                    {
                        // "Saâd Eddine El Othmani", "Ahmedou Ould Abdalla", "Kholoud EL MORABET": a particle inside a name,
                        // between two of its words.
                        last += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                // "El Habib Nadir": a particle opening a name belongs to it when two name words follow ("El Salvador" is a place).
                if (first > 0 && last > first && _particles.Contains(tokens[first - 1].Value) && char.IsUpper(tokens[first - 1].Value[0]) && !organisationChars[run.Index + tokens[first - 1].Index])
                {
                    first--;
                }

                // "Foreign Minister AK Abdul Momen", "Dr. A.K. Abdul Momen", "Prof. G.L. Peiris": initials open the name after a
                // title, two capitals before a name of two words or more, dotted ones before any (but not a lone "M.", which
                // is French for "Monsieur").
                if (first > 0 && tokens[first - 1].Value is var initials && !organisationChars[run.Index + tokens[first - 1].Index]
                    && ((last > first && InitialsInCapitals().IsMatch(initials) && !_roleAnywhere.IsMatch(initials)) || DottedInitials().IsMatch(initials))
                    && _honorificOrRoleAtEnd.IsMatch(LineBefore(text, run.Index + tokens[first - 1].Index)))
                {
                    first--;
                }

                // "de", "la", "del" join a name's words; they never end it, nor does "DEL" in a line in capitals.
                while (last > first && (!char.IsUpper(tokens[last].Value[0]) || (IsAcronym(tokens[last].Value) && SurnameParticle().IsMatch(TitleCased(tokens[last].Value)))))
                {
                    last--;
                }

                // "Minister of Foreign Affairs and Trade Peter Szijjarto": the first word closes the title's "X and Y"; so do
                // all the words the text also writes small ("Minister for Immigration and Border Protection Peter Dutton").
                ordinaryWords ??= OrdinaryWords(text);
                if (last - first >= 2 && TitleConjunction().IsMatch(text[Math.Max(0, run.Index + tokens[first].Index - 40)..(run.Index + tokens[first].Index)]))
                {
                    first++;
                    while (last - first >= 2 && ordinaryWords.Contains(tokens[first].Value.ToLowerInvariant()))
                    {
                        first++;
                    }
                }

                next = last + 1;
                Consider(run.Index + tokens[first].Index, run.Index + tokens[last].Index + tokens[last].Length, last - first + 1);
            }
        }

        // "Peter Bosch (European Commission, Brussels)", "Dilip Ratha (World Bank, Washington, D.C.)": a member of a board
        // or a panel and the body they come from, in brackets (with no year: "Making Ports Work (IOM, 2019)" cites a work).
        bool BodyInBracketsAfter(string after, string name, int nameEnd) =>
            BodyBracket().Match(after) is { Success: true } bracket
            && organisationChars[nameEnd + bracket.Groups["inside"].Index] && !SpellsInitials(bracket.Groups["inside"].Value, name);

        // "Ana Ruiz Vidal, Karim Benali and Jane Roe": a name listed right after a person's is a person's too.
        bool ListedAfterPerson(int nameStart) =>
            mentions.Count > 0 && mentions[^1] is var previous && previous.Index + previous.Length <= nameStart
            && ListSeparator().IsMatch(text.AsSpan(previous.Index + previous.Length, nameStart - previous.Index - previous.Length));

        // A word the text also writes small ("Rules", "Television") is a common noun, not a name's.
        bool WrittenSmallToo(string words) => Tokens().Matches(words).Any(t => (ordinaryWords ??= OrdinaryWords(text)).Contains(t.Value.ToLowerInvariant()));

        // "Global Board: Peter Kwok, Luiza Soares, Kazeem Ojoye": after a colon, a list of three or more names alone, none
        // of whose words the text writes small ("themes: Harbour Safety, Port Labour, …").
        bool InNameList(int nameStart, int nameEnd) =>
            (nameLists ??= NameList().Matches(text).Select(m => (m.Groups["list"].Index, m.Groups["list"].Index + m.Groups["list"].Length)).ToList())
            .Any(l => nameStart >= l.Start && nameEnd <= l.End && (nameStart == l.Start || text[nameStart - 2] == ',') && (nameEnd == l.End || text[nameEnd] == ','))
            && !WrittenSmallToo(text[nameStart..nameEnd]);

        void Consider(int nameStart, int nameEnd, int wordCount)
        {
            // "Jane Moss’ message", "Jane Roe’s message": the possessive is not part of the name.
            var name = Possessive().Replace(text[nameStart..nameEnd].TrimEnd('.', ','), string.Empty);
            // "Secretary Noyes’ Travel to New York": a name ends at its possessive.
            if (PossessiveInside().Match(name) is { Success: true } possessive)
            {
                name = name[..possessive.Index];
                wordCount = Tokens().Count(name);
            }

            // "Jorge Acosta Jorge Acosta": a page that prints a name twice in a row (an image's text and its caption).
            if (wordCount is 4 or 6 && Tokens().Matches(name) is var nameTokens && TextLayout.TwiceInARow(nameTokens.Select(t => t.Value).ToList()))
            {
                var firstHalfEnd = nameTokens[(wordCount / 2) - 1];
                name = name[..(firstHalfEnd.Index + firstHalfEnd.Length)];
                wordCount /= 2;
            }

            // "Mattie McGrathMattie McGrath": the same, glued without a space.
            if (name.Length % 2 == 0 && name.AsSpan(0, name.Length / 2).SequenceEqual(name.AsSpan(name.Length / 2)))
            {
                name = name[..(name.Length / 2)];
                wordCount = Tokens().Count(name);
            }

            // "United NationsAbdulla Shahid", "Gustavo SeguraContributors": a page lost the space between a name and the word
            // before or after it; the name starts or ends where that word's capital does.
            if (wordCount >= 2 && GluedWordBefore().Match(name) is { Success: true } gluedBefore)
            {
                nameStart += gluedBefore.Groups["name"].Index;
                name = name[gluedBefore.Groups["name"].Index..];
            }

            if (wordCount >= 2 && GluedWordAfter().Match(name) is { Success: true } gluedAfter)
            {
                name = name[..gluedAfter.Groups["name"].Length];
            }

            // "Then Jair Bolsonaro’s Brazil": a well-known name closing a longer run is that person, whatever opens the run.
            if (wordCount > 2 && KnownNameAtEnd(name) is { } knownName)
            {
                nameStart += name.Length - knownName.Length;
                name = knownName;
                wordCount = Tokens().Count(name);
            }

            nameEnd = nameStart + name.Length;
            var line = LineBefore(text, nameStart);
            var before = text[Math.Max(0, nameStart - LookBack)..nameStart];
            before = before[(before.LastIndexOfAny(['\n', '.', ';', '“', '”', '"', '«', '»']) + 1)..];
            if (before.EndsWith('.') && !_honorificOrRoleAtEnd.IsMatch(before))
            {
                before = string.Empty;
            }

            var after = text[nameEnd..Math.Min(text.Length, nameEnd + 120)];
            // "Mr." and "H.E." end with a full stop that is not a sentence's: read the honorific on the whole line.
            var titled = _honorificOrRoleAtEnd.IsMatch(before) || _honorificOrRoleAtEnd.IsMatch(line);
            // Inside a quotation capitalised words are often a title or a slogan; a name there needs its title or role
            // right before it ("…, said the Director General of the Office, Ana Ruiz; …").
            var introduced = titled || _roleOfBodyAtEnd.IsMatch(line) || (before.TrimEnd().EndsWith(',') && _roleAnywhere.IsMatch(before));
            if (wordCount > 1 && !introduced && Quotations.Inside(quoted, nameStart))
            {
                return;
            }

            // One capitalised word after an honorific or a role refers back to someone already named, or to a known person.
            if (wordCount == 1)
            {
                var referred = titled || _speechAtEnd.IsMatch(before) || _roleOfBodyAtEnd.IsMatch(line) || (line.TrimEnd().EndsWith(',') && _roleAnywhere.IsMatch(line));
                // "Livermore said" after "Keisha Livemore": a slip in a long surname does not make another person.
                var named = people.Values.LastOrDefault(p => p.Name.EndsWith(" " + name, StringComparison.Ordinal))
                            ?? people.Values.LastOrDefault(p => p.Name.Contains(' ', StringComparison.Ordinal) && IsSlipOf(p.Name[(p.Name.LastIndexOf(' ') + 1)..], name, maxSlips: 1));
                // "…”, dijo la semana pasada Villavicencio": the surname of a person already named in full is that person
                // wherever it stands ("the Pope" after "Amy Pope" is not her).
                if (!referred && (named is null || ArticleAtEnd().IsMatch(before)) && !_verbAfter.IsMatch(after))
                {
                    return;
                }

                // "Miranda" after "Alfonso Miranda Guardiola": Spanish names are called by the first of two surnames; "said
                // Wahyu" after "Wahyu Susilo": Indonesian ones by the first name, when no one else named bears it.
                if ((named
                     ?? people.Values.LastOrDefault(p => p.Name.Split(' ') is { Length: >= 3 } parts && parts[^2] == name)
                     ?? (people.Values.Where(p => p.Name.StartsWith(name + " ", StringComparison.Ordinal)).ToList() is [var only] ? only : null)) is { } known)
                {
                    mentions.Add(new PersonMention(nameStart, name.Length, known));
                }
                else if ((WellKnownBySurname(name)
                          ?? (_surnameTitleAtEnd is { } surnameTitle && (surnameTitle.IsMatch(before) || surnameTitle.IsMatch(line)) && name.Any(char.IsLower) && IsNameWord(name) && SurnameEnds().IsMatch(after) ? name : null)) is { } called)
                {
                    // "President Trump": a well-known person the page calls by the surname alone; "We thank Ambassador
                    // Getahun for…": a surname right after a personal title, the sentence going on in small words or stopping;
                    // "Mr. FilippoGrandi": a first name and surname a page lost the space between ("McGrath" keeps its own).
                    called = GluedFullName().Replace(called, "$1 $2");
                    var calledSo = people.TryGetValue(called, out var found) ? found : new FoundPerson(called, null, null);
                    people[called] = calledSo;
                    mentions.Add(new PersonMention(nameStart, name.Length, calledSo));
                }

                return;
            }

            // "Señora Representante Especial del…": a title after an honorific is the role, not a name.
            if (_roleAtStart.IsMatch(name))
            {
                return;
            }

            // "Mohammed bin Rashid Al Maktoum", "Álvaro Calderón Ponce de León": a name's particles do not count towards its length.
            var nameWords = Tokens().Matches(name).Count(t => !_particles.Contains(t.Value) && !SurnameParticle().IsMatch(t.Value));
            if (nameWords > 4 || name.Length < 5 || organisationChars.AsSpan(nameStart, nameEnd - nameStart).Contains(true))
            {
                return;
            }

            // A phrase the text also writes in lowercase ("Distinguished Delegates", "Crucial Importance") is not a name.
            if (Tokens().Matches(name).All(t => ordinaryWords!.Contains(t.Value.TrimEnd('.', ',').ToLowerInvariant())))
            {
                return;
            }

            // "Coleiro Preca" after "Marie-Louise Coleiro Preca" is the same person.
            if (people.Values.LastOrDefault(p => p.Name.EndsWith(" " + name, StringComparison.Ordinal)) is { } fuller)
            {
                mentions.Add(new PersonMention(nameStart, name.Length, fuller));
                return;
            }

            var role = _roleAtEnd.Match(before) is { Success: true } r ? r.Groups["role"].Value : null;
            var inHeadline = headline is not null && nameStart >= headline.Index && nameStart < headline.End;
            var inContactBlock = IsAloneOnLine(text, nameStart, nameEnd) && (nameStart > contactFrom || IsSignature(text, nameStart, organisations));
            // "Minister for Immigration and Border Protection Peter Dutton" is titled, but not "…on Migrants and Internally
            // Displaced Persons of the African Commission", where the post goes on past the words.
            titled = titled || (wordCount > 1 && _conjoinedPostAtEnd.IsMatch(text[Math.Max(0, nameStart - LookBack)..nameStart]) && !PostGoesOn().IsMatch(after));
            // In a headline every word is capitalised, so only an honorific or a role beside it makes a name ("Joint
            // statement by Ana Ruiz, Executive Director of…"), and a role after it only if the text writes none of its
            // words small ("…Keys to Cross-Border Mobility Rules, IOM DG Tells…"); a well-known person's full name is one
            // wherever it stands (looked up last: folding allocates).
            var evidence = (inHeadline
                ? role is not null || titled || (AppositiveRole(after) is not null && !WrittenSmallToo(name))
                : role is not null
                || titled
                || _roleOfBodyAtEnd.IsMatch(line)
                || IsByline(line)
                || (before.TrimEnd().EndsWith(',') && _roleAnywhere.IsMatch(before))
                || _speechAtEnd.IsMatch(before)
                || _photoAtEnd.IsMatch(before)
                || NationalityAtEnd().IsMatch(before)
                || _verbAfter.IsMatch(after)
                || _appositive.IsMatch(after)
                || (IsAffiliationAfter(after, name) && !ArticleAtEnd().IsMatch(before))
                || (BodyInBracketsAfter(after, name, nameEnd) && !ArticleAtEnd().IsMatch(before))
                || ListedAfterPerson(nameStart)
                || InNameList(nameStart, nameEnd)
                || (_groupAtEnd?.IsMatch(before) ?? false)
                || (before.EndsWith('(') && after.StartsWith('/'))
                || PostNominal().IsMatch(after)
                || (IsAloneOnLine(text, nameStart, nameEnd) && _roleAtLineStart.IsMatch(after))
                || _roleRightAfter.IsMatch(after)
                || IsQuotationsSource(text, line, nameStart, nameEnd)
                || (DashByline().IsMatch(line) && IsAloneOnLine(text, nameStart - line.Length, nameEnd))
                || (PassiveAgentAtEnd().IsMatch(before) && !PostGoesOn().IsMatch(after) && !WrittenSmallToo(name))
                || (QuotationAfterComma().IsMatch(after) && wordCount is 2 or 3 && OutletsPossessiveAtEnd().IsMatch(before) && !WrittenSmallToo(name))
                || inContactBlock
                || (IsAuthorLine(text, nameStart, nameEnd) && !WrittenSmallToo(name)))
                || people.ContainsKey(Capitalised(name))
                || _knownNames.Contains(KnownKey(name));
            if (!evidence)
            {
                unproven.Add((nameStart, nameEnd, name, wordCount));
                return;
            }

            name = Capitalised(name);
            var organisation = OrganisationNear(organisations, nameStart - before.Length, nameStart) ?? OrganisationAfter(organisations, after, nameEnd);
            role ??= AppositiveRole(after);
            if (!people.TryGetValue(name, out var person))
            {
                person = new FoundPerson(name, role, organisation);
                people[name] = person;
            }
            else if (person.Role is null && role is not null)
            {
                person = person with { Role = role, Organisation = person.Organisation ?? organisation };
                people[name] = person;
            }

            mentions.Add(new PersonMention(nameStart, nameEnd - nameStart, person));
        }

        // "la démission de Jan Jambon, Johan Van Overtveldt, …, Theo Francken et Zuhal Demir": in a list of full names, those
        // right before a person's are people too (looked at from the list's end, so each name vouches for the one before
        // it); a lone capitalised phrase before a name ("Niños y Jóvenes, Ana Ruiz") is no list.
        var listed = new HashSet<int>();
        for (var u = unproven.Count - 1; u >= 0; u--)
        {
            var (start, end, name, words) = unproven[u];
            if (words < 2 || WrittenSmallToo(name))
            {
                continue;
            }

            var listedBeforePerson = mentions.Where(m => m.Index >= end).MinBy(m => m.Index) is { } following
                && ListSeparator().IsMatch(text.AsSpan(end, following.Index - end))
                && (listed.Contains(following.Index) || (u > 0 && unproven[u - 1].End < start && ListSeparator().IsMatch(text.AsSpan(unproven[u - 1].End, start - unproven[u - 1].End))));
            if (listedBeforePerson || CalledByTitleLater(text, name, end))
            {
                listed.Add(start);
                name = Capitalised(name);
                var person = people.TryGetValue(name, out var known) ? known : people[name] = new FoundPerson(name, null, null);
                mentions.Add(new PersonMention(start, end - start, person));
            }
        }

        // "[Hungarian Prime Minister Viktor] Orban", "Ms. [Louise] Arbour": an editor's brackets inside a quotation supply
        // the first name (and the post); the name is the words either side of the closing bracket.
        foreach (Match supplied in SuppliedFirstName().Matches(text))
        {
            var name = $"{supplied.Groups["first"].Value} {supplied.Groups["last"].Value}";
            var inside = supplied.Groups["post"].Value;
            if ((inside.Length == 0 ? _honorificOrRoleAtEnd.IsMatch(LineBefore(text, supplied.Index)) : _roleAnywhere.IsMatch(inside))
                && IsNameWord(supplied.Groups["first"].Value) && IsNameWord(supplied.Groups["last"].Value.Split(' ')[^1]) && !organisationChars[supplied.Groups["last"].Index])
            {
                var person = people.TryGetValue(name, out var found) ? found : people[name] = new FoundPerson(name, null, null);
                mentions.Add(new PersonMention(supplied.Groups["last"].Index, supplied.Groups["last"].Length, person));
                // "Ambassador [Regine] De Clerq" was read as "De Clerq" after the title: the fuller name replaces it.
                if (people.Remove(supplied.Groups["last"].Value))
                {
                    mentions = mentions.Select(m => m.Person.Name == supplied.Groups["last"].Value ? m with { Person = person } : m).ToList();
                }
            }
        }

        // "Trump arremete contra…", "Rejects Trump Pick": some surnames name one well-known person wherever they stand;
        // "the Trump administration" names a government, not the person.
        foreach (Match alone in _surnameAlone?.Matches(text) ?? (IEnumerable<Match>)[])
        {
            if (!organisationChars[alone.Index] && !mentions.Any(m => alone.Index >= m.Index && alone.Index < m.Index + m.Length))
            {
                var person = people.Values.FirstOrDefault(p => p.Name == alone.Value || p.Name.EndsWith(" " + alone.Value, StringComparison.Ordinal))
                             ?? (people[alone.Value] = new FoundPerson(alone.Value, null, null));
                mentions.Add(new PersonMention(alone.Index, alone.Length, person));
            }
        }

        // Two forms of one person become the fuller record; mentions of the other (and of forms merged into it) follow.
        var fullerForm = new Dictionary<string, string>(StringComparer.Ordinal);
        void Merge(string other, string kept)
        {
            if (!people.Remove(other, out var merged))
            {
                return;
            }

            foreach (var shorter in fullerForm.Where(f => f.Value == other).Select(f => f.Key).ToList())
            {
                fullerForm[shorter] = kept;
            }

            fullerForm[other] = kept;
            people[kept] = people[kept] with { Role = people[kept].Role ?? merged.Role, Organisation = people[kept].Organisation ?? merged.Organisation };
        }

        // "Amy Pope" beside "Amy E. Pope" is one person, named as fully as the text names her.
        foreach (var fuller in people.Keys.Where(n => MiddleInitialInside().IsMatch(n)).ToList())
        {
            Merge(MiddleInitialInside().Replace(fuller, " "), fuller);
        }

        // "Antonio Vitorrino": a well-known person's first name with a slip in the surname is that person, named rightly.
        foreach (var name in people.Keys.Where(n => !_knownForms.ContainsKey(KnownKey(n))).ToList())
        {
            if (MisspeltKnownName(name) is { } known)
            {
                people.TryAdd(known, people[name] with { Name = known });
                Merge(name, known);
            }
        }

        // "Antonio Guterres" beside "António Guterres", "William Swing" beside "William Lacy Swing", "Bolsonaro" beside "Jair
        // Bolsonaro": forms of one well-known person on the same page are that person, named as fully as the page does.
        var knownForms = people.Keys.Select(n => (Name: n, Known: _knownForms.GetValueOrDefault(KnownKey(n)))).Where(f => f.Known is not null);
        foreach (var group in knownForms.GroupBy(f => f.Known!, f => f.Name).Where(g => g.Count() > 1).ToList())
        {
            var kept = group.FirstOrDefault(n => n == group.Key) ?? group.OrderByDescending(n => n.Length).First();
            foreach (var other in group.Where(n => n != kept))
            {
                Merge(other, kept);
            }
        }

        // "Ambassador Gnesa heads the delegation" above "Eduard Gnesa": a surname alone, named before the full name, is
        // that person when only one person found bears it.
        foreach (var surname in people.Keys.Where(n => !n.Contains(' ', StringComparison.Ordinal)).ToList())
        {
            if (people.Keys.Where(n => n.EndsWith(" " + surname, StringComparison.Ordinal)).ToList() is [var fuller])
            {
                Merge(surname, fuller);
            }
        }

        // Mentions point at the final record of each person (its role may have been learnt later).
        return (people.Values.ToList(), mentions.Select(m => m with { Person = people[fullerForm.GetValueOrDefault(m.Person.Name, m.Person.Name)] }).OrderBy(m => m.Index).ToList());
    }

    /// <summary>
    /// "(Spain)" or "(QMUL)" after a name: the country or institution a person speaks for. Capitals that spell the
    /// words' own initials define an acronym instead ("Procesos Consultivos Regionales (PCR)").
    /// </summary>
    private static bool IsAffiliationAfter(string after, string name)
    {
        var match = CountryAfter().Match(after);
        if (!match.Success)
        {
            return false;
        }

        return !SpellsInitials(match.Value.Trim().Trim('(', ')'), name);
    }

    // "Framework Convention on Climate Change (UNFCCC)": capitals ending in the words' initials define an acronym.
    private static bool SpellsInitials(string inside, string name)
    {
        var initials = string.Concat(Tokens().Matches(name).Select(t => t.Value[0]));
        return inside.All(char.IsUpper) && (initials.EndsWith(inside, StringComparison.Ordinal) || inside.EndsWith(initials, StringComparison.Ordinal));
    }

    /// <summary>"“Wherever there is a Mexican, there is Mexico.”" over "— Ana Ruiz": the line that names a quotation's source.</summary>
    private static bool IsQuotationsSource(string text, string line, int nameStart, int nameEnd)
    {
        if (!AttributionDash().IsMatch(line) || !IsAloneOnLine(text, nameStart - line.Length, nameEnd))
        {
            return false;
        }

        var above = text.AsSpan(0, nameStart - line.Length).TrimEnd();
        return above.Length > 0 && above[^1] is '”' or '"' or '»';
    }

    private bool IsByline(string line) => Byline().IsMatch(line) || (_authorCueAtEnd?.IsMatch(line) ?? false);

    /// <summary>A well-known name as looked up: folded, and without middle initials ("Amy E. Pope" is "amy pope").</summary>
    private static string KnownKey(string name) => Spelling.Folded(MiddleInitialInside().Replace(name, " "));

    private string? KnownNameAtEnd(string name)
    {
        foreach (Match word in Tokens().Matches(name).Skip(1).SkipLast(1))
        {
            if (_knownNames.Contains(KnownKey(name[word.Index..])))
            {
                return name[word.Index..];
            }
        }

        return null;
    }

    /// <summary>
    /// How a well-known person called by a surname alone is named: "President Trump" as the text writes it, a slip or two
    /// in a long surname ("Gutteres") set right to the full name.
    /// </summary>
    private string? WellKnownBySurname(string surname)
    {
        if (_knownSurnames.Any(k => string.Equals(k.Surname, surname, StringComparison.Ordinal)))
        {
            return surname;
        }

        foreach (var (known, name) in _knownSurnames)
        {
            if (IsSlipOf(known, surname))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The well-known person whose first name this name has, and whose surname it writes with a slip or two.</summary>
    private string? MisspeltKnownName(string name)
    {
        var words = name.Split(' ');
        if (words.Length < 2)
        {
            return null;
        }

        var (first, last) = (Spelling.Folded(words[0]), Spelling.Folded(words[^1]));
        return _knownFirstAndLast.FirstOrDefault(k => k.First == first && IsSlipOf(k.Last, last)).Name;
    }

    /// <summary>"Gutteres" for "Guterres": one slip in a surname of six letters or more, two from eight.</summary>
    private static bool IsSlipOf(string surname, string written, int maxSlips = 2)
    {
        var slips = Math.Min(maxSlips, surname.Length >= 8 ? 2 : surname.Length >= 6 ? 1 : 0);
        return slips > 0 && Math.Abs(surname.Length - written.Length) <= slips && EditDistance(surname, written) <= slips;
    }

    // Two rows on the stack, swapped row by row: it runs for every surname a page might misspell, and words are short.
    private static int EditDistance(string a, string b)
    {
        Span<int> previous = b.Length < MaxStackRow ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < MaxStackRow ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            var done = previous;
            previous = current;
            current = done;
        }

        return previous[b.Length];
    }

    private static string LineBefore(string text, int index)
    {
        var from = Math.Max(0, index - LookBack);
        var line = text[from..index];
        return line[(line.LastIndexOfAny(['\n', ';', '“', '”', '"', '«', '»']) + 1)..];
    }

    /// <summary>Words the text writes in lowercase somewhere: ordinary words, whatever their case in a heading.</summary>
    private static HashSet<string> OrdinaryWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in LowercaseWord().Matches(text))
        {
            words.Add(word.Value);
        }

        return words;
    }

    /// <summary>"Laura QUIÑONES" is "Laura Quiñones".</summary>
    // A regnal number ("Pius XII") is no word in capitals.
    private static string Capitalised(string name) =>
        !name.Any(char.IsLetter) || !Tokens().Matches(name).Any(t => t.Value.Length >= 3 && t.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !RegnalNumber().IsMatch(t.Value))
            ? name
            : CapitalsWord().Replace(name, m => RegnalNumber().IsMatch(m.Value) ? m.Value : m.Value[0] + m.Value[1..].ToLowerInvariant());

    private bool IsNameToken(string token, bool capitalsAreNames) =>
        IsNameWord(token) && (!IsAcronym(token) || (capitalsAreNames && token.TrimEnd('.', ',').Length >= 3 && IsNameWord(TitleCased(token))));

    // "MINISTER James Browne": a word in capitals is read as it would be written small.
    // "el subsecretario de Gobernación Alejandro Encinas": a word ending like an abstract noun ("-ación", "-tion") names a
    // portfolio or a field, never a person.
    private bool IsNameWord(string token) =>
        token.TrimEnd('.', ',') is var bare && !_nonNameWords.Contains(bare) && !bare.Split('-').Any(_nonNameWords.Contains) && !_honorifics.Contains(token)
        && !EndsLikeAbstractNoun(bare) && !_roleAnywhere.IsMatch(token);

    // Looked at for every capitalised word of a page, so without a closure per call.
    private bool EndsLikeAbstractNoun(string word)
    {
        foreach (var ending in _nonNameEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // After a surname the sentence goes on in small words or stops, or a country follows in brackets ("Mr. Tomita
    // (Japan)"); a capitalised word would make it a first name.
    [GeneratedRegex(@"^(?:[’']s\b|[ \t]*(?:[,.;:)]|\r?\n|$)|[ \t]+\p{Ll}|[ \t]+\(\p{Lu}[\p{L} ]+\))")]
    private static partial Regex SurnameEnds();

    // "El", and "EL" in a name written partly in capitals.
    private bool IsParticle(string token) => _particles.Contains(token) || (IsAcronym(token) && _particles.Contains(TitleCased(token)));

    private static string TitleCased(string token) => token.Length < 2 ? token : token[0] + token[1..].ToLowerInvariant();

    // An initial ("J.") is part of a name; two capitals or more ("IOM", "UN") are an acronym.
    private static bool IsAcronym(string token) => token.TrimEnd('.', ',') is { Length: >= 2 } bare && bare.All(c => char.IsUpper(c) || c == '-' || c == '&');

    /// <summary>"Abdou Latif Coulibaly, a magnifié…" then "M. Coulibaly a insisté": the surname after an honorific further on.</summary>
    private bool CalledByTitleLater(string text, string name, int from)
    {
        var surname = name[(name.LastIndexOf(' ') + 1)..];
        for (var at = text.IndexOf(surname, from, StringComparison.Ordinal); at > 0; at = text.IndexOf(surname, at + surname.Length, StringComparison.Ordinal))
        {
            if (!GluedToLetter(text, at + surname.Length) && text.AsSpan(0, at).TrimEnd() is var before && before.Length < at
                && _honorifics.Contains(before[(before.LastIndexOfAny(' ', '\n', '(') + 1)..].ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool GluedToLetter(string text, int end) => end < text.Length && char.IsLetter(text[end]);

    private static bool EndsSentence(string token) => token.EndsWith('.') && token.Length > 2;

    /// <summary>
    /// "Authored By:" over "Balkis Azzam Borda", "Autores" over "Diego Chaves González": a name alone on the line under an
    /// authors' heading is an author's.
    /// </summary>
    private bool IsAuthorLine(string text, int nameStart, int nameEnd)
    {
        if (_authorHeading is null || !IsAloneOnLine(text, nameStart, nameEnd))
        {
            return false;
        }

        var previousEnd = text.LastIndexOf('\n', Math.Max(0, nameStart - 1));
        while (previousEnd > 0 && char.IsWhiteSpace(text[previousEnd - 1]))
        {
            previousEnd--;
        }

        var previousStart = previousEnd <= 0 ? 0 : text.LastIndexOf('\n', previousEnd - 1) + 1;
        return previousEnd > 0 && _authorHeading.IsMatch(text[previousStart..previousEnd]);
    }

    private static bool IsAloneOnLine(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] is ' ' or '\t')
        {
            before--;
        }

        var after = end;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return (before < 0 || text[before] == '\n') && (after == text.Length || text[after] == '\n');
    }

    /// <summary>A name alone on a line near the end, under a line naming an organisation: a contact or signature block.</summary>
    private static bool IsSignature(string text, int nameStart, IReadOnlyList<FoundOrganisation> organisations)
    {
        const int Tail = 600;
        if (nameStart < text.Length - Tail)
        {
            return false;
        }

        var above = text[..nameStart].TrimEnd();
        var lineStart = above.LastIndexOf('\n') + 1;
        return organisations.Any(o => o.Mentions.Any(m => m.Index >= lineStart && m.End <= above.Length));
    }

    private static string? OrganisationNear(IReadOnlyList<FoundOrganisation> organisations, int from, int to) =>
        organisations.FirstOrDefault(o => o.Mentions.Any(m => m.Index >= from && m.End <= to))?.Name;

    private static string? OrganisationAfter(IReadOnlyList<FoundOrganisation> organisations, string after, int offset)
    {
        var clause = AppositiveClause().Match(after);
        return clause.Success
            ? organisations.FirstOrDefault(o => o.Mentions.Any(m => m.Index >= offset && m.End <= offset + clause.Length))?.Name
            : null;
    }

    private string? AppositiveRole(string after)
    {
        var clause = AppositiveClause().Match(after);
        if (!clause.Success || !_roleAnywhere.IsMatch(clause.Value))
        {
            return null;
        }

        // ", the Special Representative, Louise Arbour": the role belongs to the name that follows it.
        if (NameFollows().IsMatch(after[clause.Length..]))
        {
            return null;
        }

        var role = clause.Groups["clause"].Value.Trim();
        return role.Length is > 0 and <= 120 ? role : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\p{Lu}[\p{L}’'\-]*\.?(?:\p{Lu}\.)*)(?:[ \u00A0]+(?:(?:de|da|do|dos|das|del|della|di|van|von|der|la|le|bin|al|y)[ \u00A0]+){0,2}(?:\p{Lu}[\p{L}’'\-]*\.?(?:\p{Lu}\.)*))*")]
    private static partial Regex CapitalisedRun();

    // "el colombiano Juan Espinosa y la panameña Samira Gozaine", "le Malien Ali Traoré": a nationality after an article.
    [GeneratedRegex(@"(?<![\p{L}])(?:el|la|le|l['’])\s*\p{L}\p{Ll}+(?:" + Phrases.NationalityEndings + @")\s+$")]
    private static partial Regex NationalityAtEnd();

    // "- — Émilie Bergeron": a byline set off by a dash on its own line.
    [GeneratedRegex(@"^[ \t]*(?:-[ \t]*)?[—–][ \t]*$")]
    private static partial Regex DashByline();

    [GeneratedRegex(@"^(?:[Dd]e|[Dd]el|[Dd]a|do|dos|das|della|[Dd]i|[Vv]an|[Vv]on|der|\p{Lu}\.)$")]
    private static partial Regex SurnameParticle();

    [GeneratedRegex(@"^[ \t]+(?:\p{Lu}|(?:of|for|on|at)\s+(?:the\s+)?\p{Lu})")]
    private static partial Regex PostGoesOn();

    [GeneratedRegex(@"\p{Lu}[\p{L}\-]+\s+(?:and|&|et|y)\s+$")]
    private static partial Regex TitleConjunction();

    [GeneratedRegex(@"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})[.,;:]?$")]
    private static partial Regex RegnalNumber();

    [GeneratedRegex(@"^,\s*\p{Lu}[\p{Ll}’'\-]+\s+\p{Lu}")]
    private static partial Regex NameFollows();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^\p{Lu}\.$")]
    private static partial Regex MiddleInitial();

    // "…para el Medio Ambiente (UNEA)", "… of the Environment (UNEP)": after an article the capitals end a body's name.
    [GeneratedRegex(@"(?<![\p{L}])(?:the|el|la|los|las|le|les|l['’])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleAtEnd();

    [GeneratedRegex(@"^(?:\p{Lu}\.){2,3}$|^[A-LN-Z]\.$")]
    private static partial Regex DottedInitials();

    [GeneratedRegex(@"^\p{Lu}{2}$")]
    private static partial Regex InitialsInCapitals();

    [GeneratedRegex(@"(?<=\S)\s+\p{Lu}\.?\s+(?=\S)")]
    private static partial Regex MiddleInitialInside();

    [GeneratedRegex(@"^[ \t]*[—–-][ \t]*$")]
    private static partial Regex AttributionDash();

    [GeneratedRegex(@"[’'][sS]?$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"(?<![\p{L}])\p{Ll}[\p{Ll}’'\-]+")]
    private static partial Regex LowercaseWord();

    [GeneratedRegex(@"\p{Lu}{3,}")]
    private static partial Regex CapitalsWord();

    [GeneratedRegex(@"(?<=:[ \t]*)(?<list>\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){1,3}(?:,[ \t]*\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){1,3}){2,})(?=[ \t]*(?:[.;]|\r?\n|$))")]
    private static partial Regex NameList();

    // "overseen by Amanda Glassman", "présidée par Bachir Dkhil", "moderado por Ana Ruiz": the agent of a participle.
    [GeneratedRegex(@"(?<![\p{L}])\p{Ll}{3,}(?:ed|ée?s?|ad[oa]s?|id[oa]s?)\s+(?:by|par|por)\s+$")]
    private static partial Regex PassiveAgentAtEnd();

    [GeneratedRegex(@"\[(?:(?<post>[^\[\]\n]{0,80}?)\s+)?(?<first>\p{Lu}\p{Ll}+)\][ \t]+(?<last>(?:(?:De|de|Van|van|Von|von|Del|del|Di|di|Da|da)[ \t]+)?\p{Lu}[\p{Ll}\-’']+)")]
    private static partial Regex SuppliedFirstName();

    [GeneratedRegex(@"^[ \t]+\((?<inside>[^()\d\n]{2,100})\)")]
    private static partial Regex BodyBracket();

    // "Agustin Santos Maraver (Spain)", "Kathryn Allinson (QMUL)": a delegate and the country they speak for, an author and their institution.
    [GeneratedRegex(@"^\s+\((?:\p{Lu}\p{Ll}+(?:\s+(?:and\s+|y\s+|et\s+)?\p{Lu}\p{Ll}+){0,3}|\p{Lu}{3,6})\)")]
    private static partial Regex CountryAfter();

    [GeneratedRegex(@"['’]s?\s")]
    private static partial Regex PossessiveInside();

    // "By", "Published on 9 January | by", "Publié le : 18 février 2023 par", and a wire's credits: "Reporting by Jane
    // Roe, editing by Ana Ruiz".
    // "To quote the National Post’s John Ivison, “…”": a name after a body's or an outlet's possessive, set off by a
    // comma before the words quoted ("Queen's Park Oval, Friday" is a place).
    [GeneratedRegex(@"\p{Lu}[\p{L}\-]*['’]s[ \t]+$")]
    private static partial Regex OutletsPossessiveAtEnd();

    [GeneratedRegex(@"^,[ \t]*[“""«]")]
    private static partial Regex QuotationAfterComma();

    [GeneratedRegex(@"^(\p{Lu}\p{Ll}{3,})(\p{Lu}\p{Ll}{2,})$")]
    private static partial Regex GluedFullName();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}{3,}(?<name>\p{Lu}\p{Ll}{2,}\s.*)$")]
    private static partial Regex GluedWordBefore();

    [GeneratedRegex(@"^(?<name>.*\s\p{Lu}\p{Ll}{3,})\p{Lu}\p{Ll}{2,}$")]
    private static partial Regex GluedWordAfter();

    // A byline's cue at a line's start, after a separator, or after a stamped year or month ("date 2020-03 Par …").
    [GeneratedRegex(@"(?:^\s*(?:[-–—•][ \t]*)?|[,;|]\s*|(?:19|20)[0-9]{2}(?:-[0-9]{1,2}){0,2}\s+)(?:(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Dd]elivered)\s+by|[Bb]y|[Pp]or|[Pp]ar)\s*:?\s+$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^,\s+(?:the\s+|le\s+|la\s+|el\s+)?(?<clause>[^,.;:“”""«»\n]{2,120}?)(?=\s+will\s|\s+said|\s+who\s|,|\.|;|:|[ \t]*(?:\r?\n|$))")]
    private static partial Regex AppositiveClause();

    // ", ", " and ", and "…Ibarra, de México; Enrique Reina…": a list may give each person's country, or, between
    // semicolons, the body each speaks for ("Ana Ruiz, Harbour Diaspora Platform (HDP); Jane Roe, …").
    [GeneratedRegex(@"^\s*(?:,\s*(?:de|of|from|du)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?\s*)?(?:,\s*|;[ \t]*|,[ \t]*\p{Lu}[^;.\n]{1,80};[ \t]*|[,;]?\s+(?:and|et|y|e|&)\s*)\z")]
    private static partial Regex ListSeparator();

    // "Jane Roe MP", "Jane Roe, MEP", and an author's "Jane Roe*" over the footnote that gives her post.
    [GeneratedRegex(@"^(?:,?\s+(?:MP|MEP|MLA|MSP|QC|KC|OBE|CBE)(?![\p{L}])|\*[ \t]*(?:\n|$))")]
    private static partial Regex PostNominal();
}
