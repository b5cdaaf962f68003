using System.Text.RegularExpressions;
using IdmPlatform.Ingestion.Extraction.Reading;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A statement before it is tagged: who, what, and the exact stretch of the text it comes from.</summary>
public sealed record FoundStatement(string Kind, string Text, FoundPerson? Speaker, string? Organisation, string? Panel, int PassageStart, int PassageEnd);

/// <summary>
/// Direct quotations with their speaker (attribution before or after the quote, split by "said X,", continued over
/// paragraphs, “curly”, « guillemets » or "straight", future tense "will add"), reported interventions
/// ("X delivered a statement highlighting …") and recommendations given as a list after an introducing colon.
/// </summary>
public sealed partial class StatementFinder
{
    private const int MinQuoteWords = 4;
    private const int AttributionReach = 160;
    private const int LeadInReach = 100;
    private const int ParagraphReach = 2000;
    private const int NamedBeforeReach = 700;
    private const int MaxRoleClauseWords = 5;
    private const int IncisReach = 120;
    private const int MaxNameLineWords = 16;
    private const int MaxReportingSubjectWords = 4;
    private readonly Regex _speechVerb;
    private readonly Regex _interventionVerb;
    private readonly Regex _pronoun;
    private readonly Regex _accordingTo;
    private readonly Regex _panel;
    private readonly Regex? _saidSo;
    private readonly Regex _listBlock;
    private readonly Regex _listItem;
    private readonly HashSet<string> _roleWords;
    private readonly HashSet<string> _subjectDroppingVerbs;
    private readonly Regex? _viewpoint;
    private readonly Regex? _pronounSource;
    private readonly Regex? _circumstance;
    private readonly HashSet<string> _speechVerbPhrases;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _speechVerbFirstWords;
    private readonly int _longestSpeechVerb;
    private readonly Regex? _statementHeading;
    private readonly Regex? _documentSpeaking;

    public StatementFinder(PeopleData people, CalendarData calendar, IReadOnlyList<string>? bodyCues = null)
    {
        // Verbs are matched with their case ("States" is not "states"), and capitalised at a sentence's start.
        var verbs = people.AllSpeechVerbs().Concat(people.AccordingTo).ToList();
        _speechVerb = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(Phrases.WithCapitalised(verbs))})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        // The same verbs word by word, to find one among a quotation's last few words without running the pattern there.
        _speechVerbPhrases = new HashSet<string>(Phrases.WithCapitalised(verbs).Select(VerbPhrase), StringComparer.Ordinal);
        _speechVerbFirstWords = new HashSet<string>(_speechVerbPhrases.Select(p => p.Split(' ')[0]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _longestSpeechVerb = verbs.Max(v => VerbWords().Count(v));
        // Compiled: it is tried on every sentence of every text (interpreted, it took a tenth of the extraction's time).
        _interventionVerb = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(people.InterventionVerbs)})(?![\p{{L}}])", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "“…”. Lo declaró a la agencia el obispo Ana Ruiz": the sentence after the quotation says who said it.
        _saidSo = people.SaidSoOpeners is { Count: > 0 } openers
            ? new Regex($@"^[.]?\s+(?:{Phrases.Alternation(openers)})(?![\p{{L}}])[^.!?\n]*", RegexOptions.CultureInvariant)
            : null;
        _accordingTo = new Regex($@"^(?:{Phrases.Alternation(Phrases.WithCapitalised(people.AccordingTo))})$", RegexOptions.CultureInvariant);
        _pronoun = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(people.Pronouns)})(?![\p{{L}}])|-t-(?:il|elle)(?![\p{{L}}])", RegexOptions.CultureInvariant);
        _panel = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(calendar.PanelWords)})\s+[0-9]{{1,2}}(?![0-9])", RegexOptions.CultureInvariant);
        _listBlock = new Regex($@"(?<=^|\n){TextComposer.ListItemMarker}[^\n]+(?:\n{TextComposer.ListItemMarker}[^\n]+)*", RegexOptions.CultureInvariant);
        _listItem = new Regex($@"{TextComposer.ListItemMarker}(?<body>[^\n]+)", RegexOptions.CultureInvariant);
        // Spanish leaves a known subject out ("En cuanto a las caravanas, dijo: “…”"); English and French never do.
        _subjectDroppingVerbs = new HashSet<string>(
            Phrases.WithCapitalised((people.SubjectDroppingLanguages ?? []).SelectMany(l => people.SpeechVerbs.TryGetValue(l, out var v) ? v : [])),
            StringComparer.Ordinal);
        _viewpoint = people.ViewpointOpeners is { Count: > 0 } viewpoints
            ? new Regex($@"^\s*(?:{Phrases.Alternation(viewpoints)})\s+", RegexOptions.CultureInvariant)
            : null;
        _pronounSource = people.ObjectPronouns is { Count: > 0 } objects
            ? new Regex($@"^\s*(?:{Phrases.Alternation(objects)})\s*,\s*$", RegexOptions.CultureInvariant)
            : null;
        _circumstance = people.CircumstanceWords is { Count: > 0 } circumstances
            ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(circumstances)})(?![\p{{L}}])", RegexOptions.CultureInvariant)
            : null;
        // "“…”, the statement said", "« … », rappelle le communiqué", "« … », peut-on lire dans un communiqué de presse",
        // and the body called by what it is: "« … », regrette l’association".
        var cues = bodyCues is { Count: > 0 } ? $"|{Phrases.Alternation(bodyCues)}" : string.Empty;
        _documentSpeaking = people.DocumentNouns is { Count: > 0 } documents
            ? new Regex($@"^[\s,]*(?:[\p{{L}}\-]+\s+){{0,3}}?(?:(?:(?:the|its|their|a|le|la|un|une|son|leur|el|su|sus)\s+)?(?:[\p{{L}}.\-]+\s+)?(?:{Phrases.Alternation(documents)}){cues})(?![\p{{L}}])", RegexOptions.CultureInvariant)
            : null;
        _statementHeading = people.StatementHeadings is { Count: > 0 } headings
            ? new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(headings)})(?![\p{{L}}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)
            : null;
        // Words a speaker's title is made of ("the UN chief", "el secretario general", "le Directeur général de l'OIM").
        _roleWords = new HashSet<string>(
            people.Roles.Concat(people.Honorifics).SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Concat(people.SpeakerTitleWords ?? []),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<FoundStatement> Find(string text, IReadOnlyList<PersonMention> people, IReadOnlyList<FoundOrganisation> organisations, FoundTitle? headline = null)
    {
        var bodies = organisations.SelectMany(o => o.Mentions.Select(m => new BodyMention(m.Index, m.Length, o.Name))).OrderBy(m => m.Index).ToList();
        var panels = _panel.Matches(text).Select(m => (m.Index, m.Value)).ToList();
        var statements = Quotations(text, people, bodies, panels, HeadlineSpeaker(headline, people));
        statements.AddRange(Interventions(text, people, bodies, panels, statements));
        statements.AddRange(Recommendations(text, bodies));
        return statements.OrderBy(s => s.PassageStart).ToList();
    }

    /// <summary>
    /// "Statement from UNICEF Director … Ana Ruiz", "Ana Ruiz’s remarks at …": a page that is one person's statement, as its
    /// headline says. A quotation under it that no one else is given is that person's.
    /// </summary>
    private (FoundPerson Person, int HeadlineEnd)? HeadlineSpeaker(FoundTitle? headline, IReadOnlyList<PersonMention> people) =>
        headline is not null && _statementHeading?.IsMatch(headline.Text) == true
        && Sorted.Between(people, p => p.Index, headline.Index, headline.End).Select(p => p.Person).Distinct().ToList() is [var speaker]
            ? (speaker, headline.End)
            : null;

    // "¶“Many Member States …”", "NEW YORK, 10 December 2018 – “Today’s adoption …”": a quotation that opens a paragraph or a dateline's story.
    private static bool OpensParagraph(string text, int quoteStart) =>
        text[(quoteStart == 0 ? 0 : text.LastIndexOf('\n', quoteStart - 1) + 1)..quoteStart].TrimEnd() is var lead && (lead.Length == 0 || lead.EndsWith('–') || lead.EndsWith(" -", StringComparison.Ordinal));

    private List<FoundStatement> Quotations(
        string text, IReadOnlyList<PersonMention> people, List<BodyMention> bodies, List<(int Index, string Value)> panels, (FoundPerson Person, int HeadlineEnd)? headlineSpeaker)
    {
        var statements = new List<FoundStatement>();
        LastSpeaker? last = null;
        var previousQuoteEnd = -1;
        foreach (var quote in Analysis.Quotations.Find(text, withSingle: true))
        {
            var content = Clean(text[quote.BodyStart..quote.BodyEnd]);
            // A quotation inside the last one (« … “…” … ») is part of what that speaker said; one in title case is a
            // name ("the report “Making Ports Work for All”"), not words said.
            if (quote.Start < previousQuoteEnd || content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinQuoteWords || IsTitleCased(content))
            {
                continue;
            }

            var gap = previousQuoteEnd >= 0 ? text[previousQuoteEnd..quote.Start] : null;
            // Only a quote that directly follows the last statement's own quote can continue it.
            var continues = gap is not null && statements.Count > 0 && statements[^1].Kind == "quote" && statements[^1].PassageEnd == previousQuoteEnd;
            previousQuoteEnd = quote.End;

            // “First part,” said X, “second part.” is one statement; after “… follow-up.” the next speaker starts anew.
            if (continues && SplitByAttribution(gap!) && !statements[^1].Text.TrimEnd().EndsWith('.'))
            {
                statements[^1] = Continued(statements[^1], content, quote.End);
                continue;
            }

            var speaker = SpeakerAfter(text, quote, people, last)
                          ?? SpeakerBefore(text, quote, people, last)
                          ?? SpeakerWithin(text, quote, people)
                          ?? SpeakerOfReportedSpeech(text, quote, people)
                          ?? SpeakerOfSentenceBefore(text, quote, people)
                          ?? SpeakerOfNameLine(text, quote, people)
                          ?? SpeakerSignedBelow(text, quote, people);
            var body = speaker is null ? BodySpeaking(text, quote, bodies) : null;
            if (speaker is null && body is null && headlineSpeaker is { } page && quote.Start >= page.HeadlineEnd && OpensParagraph(text, quote.Start))
            {
                speaker = page.Person;
            }

            if (speaker is null && body is not null)
            {
                statements.Add(new FoundStatement("quote", content, null, body, PanelNear(text, panels, quote.Start), quote.Start, quote.End));
                continue;
            }

            if (speaker is null)
            {
                // “First.” said X. “Unattributed second.” goes on with the same statement in the same paragraph.
                if (continues && gap!.Length <= AttributionReach && !gap.Contains('\n', StringComparison.Ordinal))
                {
                    statements[^1] = Continued(statements[^1], content, quote.End);
                    continue;
                }

                // “…,” she said. Then, a sentence or a paragraph on, “…”: a quotation that is a sentence of its own, with no
                // one else named since the last speaker's quotation, is a new statement of that speaker.
                if (last is null || !FollowsUp(text, quote, people, last))
                {
                    continue;
                }

                speaker = last.Person;
            }

            last = new LastSpeaker(speaker, quote.End);
            statements.Add(new FoundStatement("quote", content, speaker, speaker.Organisation, PanelNear(text, panels, quote.Start), quote.Start, quote.End));
        }

        // “…,” said X: the comma closes the quoted clause, not the statement; kept until here to join split quotes. Words
        // one speaker is quoted saying twice (a headline quoting the story's quotation) are one statement, the later one.
        return statements.Select(q => q with { Text = q.Text.TrimEnd(',') })
            .GroupBy(q => (q.Speaker, Words: string.Concat(q.Text.Where(char.IsLetterOrDigit)).ToLowerInvariant()))
            .Select(same => same.Last())
            .OrderBy(q => q.PassageStart)
            .ToList();
    }

    private static FoundStatement Continued(FoundStatement quote, string more, int end) => quote with { Text = $"{quote.Text} {more}", PassageEnd = end };

    // “…,” said X, “…” and “…,” she said, adding that the Compact “…”: one sentence broken by its attribution.
    private static bool SplitByAttribution(string gap) =>
        gap.Length <= AttributionReach && !gap.Contains("\n\n", StringComparison.Ordinal) && gap.Trim().Length > 1 && (gap.TrimEnd().EndsWith(',') || AddingThat().IsMatch(gap));

    /// <summary>“…,” said Name / “…,” Name said / “…,” he added / « … » – Name, Title.</summary>
    private FoundPerson? SpeakerAfter(string text, Quotation quote, IReadOnlyList<PersonMention> people, LastSpeaker? last)
    {
        var quoteEnd = quote.End;
        var reach = text[quoteEnd..Math.Min(text.Length, quoteEnd + AttributionReach)];
        // A quotation signed with a dash and the speaker's name, as under an epigraph.
        if (DashSignature().Match(reach) is { Success: true } dash
            && Sorted.Between(people, p => p.Index, quoteEnd + dash.Length, quoteEnd + dash.Length + 1).FirstOrDefault()?.Person is { } signed)
        {
            return signed;
        }

        // “…” UN Secretary-General Ana Ruiz: signed with the speaker's post and name, alone to the end of the line.
        var lineEnd = reach.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0 ? newline : reach.Length;
        if (Sorted.Between(people, p => p.Index, quoteEnd, quoteEnd + lineEnd).LastOrDefault() is { } signature
            && signature.Index + signature.Length >= quoteEnd + reach[..lineEnd].TrimEnd().Length && OnlyRoleWords(text[quoteEnd..signature.Index]))
        {
            return signature.Person;
        }

        if (_saidSo?.Match(reach) is { Success: true } saidSo
            && Sorted.Between(people, p => p.Index, quoteEnd, quoteEnd + saidSo.Length).FirstOrDefault()?.Person is { } sayer)
        {
            return sayer;
        }

        // "…" (Mme Arbour): the speaker in brackets right after the quotation.
        if (BracketedSpeaker().Match(reach) is { Success: true } bracket
            && Sorted.Between(people, p => p.Index, quoteEnd + bracket.Index, quoteEnd + bracket.Index + bracket.Length).FirstOrDefault()?.Person is { } bracketed)
        {
            return bracketed;
        }

        var clauseEnd = ClauseEnd().Match(reach) is { Success: true } e ? e.Index : reach.Length;
        var clause = reach[..clauseEnd];
        var verb = _speechVerb.Match(clause);
        if (!verb.Success)
        {
            // « … », commence-t-il: in French a verb with its pronoun put after it, set off by a comma, is an incise,
            // whatever the verb (« … » sera-t-il signé ? is a question).
            return FrenchIncise().Match(clause) is { Success: true } incise
                   && (incise.Groups["comma"].Success || text[quote.BodyStart..quote.BodyEnd].TrimEnd() is [.., ',' or '!' or '?' or '…'])
                ? Referent(people, quote.Start, quoteEnd, last)
                : null;
        }

        // “…,” Reuters reported the Chancellor as saying: the speaker is the one the outlet quotes, not the outlet.
        if (QuotedAsSaying().Match(clause) is { Success: true, Groups: [_, var who] }
            && (Sorted.Between(people, p => p.Index, quoteEnd + who.Index, quoteEnd + who.Index + who.Length).FirstOrDefault()?.Person
                ?? (OnlyRoleWords(who.Value) ? Referent(people, quote.Start, quoteEnd, last) : null)) is { } quotedPerson)
        {
            return quotedPerson;
        }

        if (clause[..verb.Index].Trim(' ', ',', '\u00A0').Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6)
        {
            // “…” Ana Ruiz from Chile, a spokeswoman for the organisers, told AFP: a long subject is a name and its post.
            return Sorted.Between(people, p => p.Index, quoteEnd, quoteEnd + 3).FirstOrDefault() is { } first
                   && OnlySpaceOrComma(text[quoteEnd..first.Index]) && PostAfterName().IsMatch(text[(first.Index + first.Length)..(quoteEnd + verb.Index)])
                ? first.Person
                : null;
        }

        if (Sorted.Between(people, p => p.Index, quoteEnd, quoteEnd + clauseEnd).FirstOrDefault()?.Person is { } named)
        {
            return named;
        }

        // “…”, he added / “…”, agregó / « … », a déclaré le Directeur général: the speaker named before, in the quote
        // before or in the sentences leading to it.
        // "…”, aseguró la canciller durante su intervención": the subject ends where the circumstances begin.
        var rest = clause.Remove(verb.Index, verb.Length);
        if (_circumstance?.Match(rest, verb.Index) is { Success: true } circumstance)
        {
            rest = rest[..circumstance.Index];
        }

        // “…”, subrayó tras dar la bienvenida…: where the language drops its subjects, a verb right after the quotation
        // with no subject after it ("subrayó el informe" has one) is the speaker's named before.
        return _pronoun.IsMatch(clause) || OnlyRoleWords(rest) || DropsSubject(clause, verb) ? Referent(people, quote.Start, quoteEnd, last) : null;
    }

    private bool DropsSubject(string clause, Match verb) =>
        _subjectDroppingVerbs.Contains(verb.Value) && clause[..verb.Index].Trim(' ', ',', '\u00A0').Length == 0 && !SubjectAfterVerb().IsMatch(clause[(verb.Index + verb.Length)..]);

    /// <summary>
    /// “…,” the Harbour League said / The Harbour League said: “…” / According to the Harbour League, “…”: a quotation
    /// no person is given, signed by a body named as the subject of the verb of speech (or after "according to").
    /// </summary>
    private string? BodySpeaking(string text, Quotation quote, List<BodyMention> bodies)
    {
        var reach = text[quote.End..Math.Min(text.Length, quote.End + AttributionReach)];
        var clause = reach[..(ClauseEnd().Match(reach) is { Success: true } e ? e.Index : reach.Length)];
        // "La ONU México explicó que …" over "“…”, sostuvo en un comunicado": where the language drops its subjects, a
        // quotation opening its line with a bare verb after it is said by the body that opens the line above.
        var after = _speechVerb.Match(clause);
        if (after.Success && DropsSubject(clause, after) && LineAboveOpeningQuote(text, quote) is (var aboveStart, var aboveEnd)
            && Sorted.Between(bodies, b => b.Index, aboveStart, aboveEnd).FirstOrDefault() is { } opener && OnlyArticles(text[aboveStart..opener.Index]))
        {
            return opener.Name;
        }

        // "La Defensoría del Pueblo expresó …" then "Mediante un pronunciamiento, recordó …" then "… “…”, agregó.": the
        // subject dropped from sentence to sentence is the body that last opened one.
        if (after.Success && DropsSubject(clause, after) && LastSentenceOpener(text, bodies, quote.Start) is { } droppedSubject)
        {
            return droppedSubject;
        }

        // “…,” the statement said / «…», rappelle le communiqué: the body speaks through its text; it is the one last named.
        if (after.Success && (_documentSpeaking?.IsMatch(clause) ?? false) && Sorted.Between(bodies, b => b.Index, Math.Max(0, quote.Start - ParagraphReach), quote.Start).LastOrDefault() is { } author)
        {
            return author.Name;
        }

        if (after.Success && Sorted.Between(bodies, b => b.Index, quote.End, quote.End + clause.Length).FirstOrDefault() is { } signer)
        {
            var saidAt = quote.End + after.Index;
            var saidEnd = saidAt + after.Length;
            var signerEnd = signer.Index + signer.Length;
            // “…,” said the League: the verb and an article between.
            if (saidEnd <= signer.Index && OnlyArticles(text[quote.End..saidAt]) && OnlyArticles(text[saidEnd..signer.Index]))
            {
                return signer.Name;
            }

            // “…,” the League said: the body the verb's subject ("the UN Special Rapporteurs said" is a group of people).
            if (signerEnd <= saidAt && OnlyArticles(text[quote.End..signer.Index]) && SubjectGap().IsMatch(text[signerEnd..saidAt]))
            {
                return signer.Name;
            }
        }

        var (_, sentenceStart) = LeadIn(text, quote.Start);
        var before = text[sentenceStart..quote.Start];
        if ((!before.TrimEnd().EndsWith(',') && !AttributionEnd().IsMatch(before)) || _speechVerb.Matches(before).LastOrDefault() is not { } verb)
        {
            return null;
        }

        var verbStart = sentenceStart + verb.Index;
        var verbEnd = verbStart + verb.Length;
        if (_accordingTo.IsMatch(verb.Value))
        {
            return Sorted.Between(bodies, b => b.Index, verbEnd, quote.Start).FirstOrDefault() is { } source && OnlyArticles(text[verbEnd..source.Index]) ? source.Name : null;
        }

        return Sorted.Between(bodies, b => b.Index, sentenceStart, verbStart).LastOrDefault() is { } subject
               && subject.Index + subject.Length <= verbStart && SubjectGap().IsMatch(text[(subject.Index + subject.Length)..verbStart])
            ? subject.Name
            : null;
    }

    private static bool OnlyArticles(string words) => ArticlesOnly().IsMatch(words);

    private static bool OnlySpaceOrComma(string gap) => gap.All(c => char.IsWhiteSpace(c) || c == ',');

    /// <summary>Where the line holding a quotation starts, and the sentence that leads into it on that line.</summary>
    private static (int LineStart, int SentenceStart) LeadIn(string text, int quoteStart)
    {
        var from = Math.Max(0, quoteStart - (AttributionReach * 2));
        var lineStart = quoteStart == 0 ? -1 : text.LastIndexOf('\n', quoteStart - 1, quoteStart - from);
        // A sentence's end found at the mark itself ('events."' read as a stop and its closer) leaves no lead-in.
        return (lineStart, Math.Min(quoteStart, Math.Max(from, Math.Max(lineStart, TextLayout.LastSentenceEnd(text, from, quoteStart)) + 1)));
    }

    /// <summary>"the “Overseas Mobility (Facilitation and Welfare) Bill, 2024”": a name in quotation marks, not words said.</summary>
    private static bool IsTitleCased(string content)
    {
        int words = 0, capitalised = 0;
        foreach (var range in content.AsSpan().Split(' '))
        {
            var word = content.AsSpan(range).TrimStart('(');
            if (word.Length > 0 && char.IsLetter(word[0]))
            {
                words++;
                capitalised += char.IsUpper(word[0]) ? 1 : 0;
            }
        }

        return words > 0 && capitalised * 10 >= words * 7;
    }

    /// <summary>
    /// Who "he added", "concluyó" or "the Director General said" is: a person named since the last speaker's quotation
    /// ("Ana Ruiz … “…” Karim Benali, for his part, … “…”, concluyó"), else that speaker, else the person last named.
    /// </summary>
    private static FoundPerson? Referent(IReadOnlyList<PersonMention> people, int quoteStart, int namedUpTo, LastSpeaker? last) =>
        (last is null ? null : Sorted.Between(people, p => p.Index, last.QuoteEnd, quoteStart).LastOrDefault()?.Person)
        ?? last?.Person
        ?? NamedBefore(people, quoteStart, namedUpTo);

    private bool OnlyRoleWords(string words)
    {
        // "la alta funcionaria de las Naciones Unidas", "el jerarca de Migración de Colombia": the body the post belongs
        // to does not say who speaks; only the post's own words count.
        var found = RoleClauseWord().Matches(BodyAtEnd().Replace(words, string.Empty)).Select(w => w.Value).ToList();
        // "the IOM chief", "the Moroccan diplomat": an acronym or a nationality may stand among the title's words.
        return found.Count <= MaxRoleClauseWords && found.All(w => _roleWords.Contains(w) || w.All(c => !char.IsLetter(c) || char.IsUpper(c)) || Demonym().IsMatch(w));
    }

    /// <summary>
    /// The person last named before a quote, within its paragraph or the one before; reach is counted from where the
    /// quotation starts, so a long quotation does not push its speaker out of it.
    /// </summary>
    private static FoundPerson? NamedBefore(IReadOnlyList<PersonMention> people, int quoteStart, int namedUpTo) =>
        Sorted.Between(people, p => p.Index, Math.Max(0, quoteStart - NamedBeforeReach), namedUpTo).LastOrDefault()?.Person;

    /// <summary>Name will say in her remarks, “…” / Name will add that “…” / He said: “…” (also with the quote as the next paragraph).</summary>
    private FoundPerson? SpeakerBefore(string text, Quotation quote, IReadOnlyList<PersonMention> people, LastSpeaker? last)
    {
        var quoteStart = quote.Start;
        var (lineStart, sentenceStart) = LeadIn(text, quoteStart);
        var before = text[sentenceStart..quoteStart];
        // "Opening the session, the Director General said:" and the quotation as the next paragraph.
        if (before.Trim().Length == 0 && lineStart > 0 && text[..lineStart].TrimEnd() is { Length: > 0 } previous && previous.EndsWith(':'))
        {
            var previousLine = previous.LastIndexOf('\n') + 1;
            sentenceStart = Math.Max(previousLine, TextLayout.LastSentenceEnd(text, previousLine, previous.Length) + 1);
            before = text[sentenceStart..quoteStart];
        }

        Match? verb;
        if (before.TrimEnd().EndsWith(',') || AttributionEnd().IsMatch(before))
        {
            verb = _speechVerb.Matches(before).LastOrDefault();
        }
        else
        {
            // "She said the conference will be “the most important …”", "a appelé à « ne pas succomber … »": a few words
            // after the verb of speech lead into the words quoted, as "that" does (looked for in the last words only).
            var tailVerb = LastSpeechVerb(before, Math.Max(0, before.Length - LeadInReach));
            if (tailVerb is not null && LeadInAfterVerb().IsMatch(before[(tailVerb.Index + tailVerb.Length)..]))
            {
                verb = tailVerb;
            }
            else if (ClosesSentence(text, quote) && ReportingOpening(before) is { } opening)
            {
                // "He added that in total, more than 5,000 people had lost their lives “in search of protection”.": a
                // sentence opening on its speaker, a verb of speech and "that" reports them; a quotation closing it is theirs.
                verb = opening;
            }
            else
            {
                return null;
            }
        }

        // "…, Karim Benali, reivindicó el rol histórico del puerto: “…”": a sentence about one person, closed by a colon
        // that opens the quotation, gives the floor to that person, when the quotation is speech, sentences rather than
        // a title ("un séminaire intitulé : « … »").
        if (verb is null && before.TrimEnd().EndsWith(':') && SentenceStop().IsMatch(text[quote.BodyStart..quote.BodyEnd])
            && Sorted.Between(people, p => p.Index, sentenceStart, quoteStart).Select(p => p.Person).Distinct().ToList() is [var onlyPerson])
        {
            return onlyPerson;
        }

        if (verb is null)
        {
            // "For Hilale, now that the text is agreed, “we must look ahead”": the view is that of the person the sentence
            // opens on, named in full or by the surname of someone named before.
            if (_viewpoint?.Match(before) is not { Success: true } viewpoint)
            {
                return null;
            }

            var holder = sentenceStart + viewpoint.Length;
            if (Sorted.Between(people, p => p.Index, holder, holder + 1).FirstOrDefault() is { } named)
            {
                return named.Person;
            }

            // "Pour ce dernier, « … »", "For him, “…”": the view is that of the person the text spoke of last.
            if (_pronounSource?.IsMatch(text[holder..quoteStart]) == true)
            {
                return Referent(people, quoteStart, quoteStart, last);
            }

            return ViewHolder().Match(text, holder) is { Success: true } word
                ? Sorted.Between(people, p => p.Index, 0, holder).LastOrDefault(p => p.Person.Name.EndsWith(" " + word.Groups["surname"].Value, StringComparison.Ordinal))?.Person
                : null;
        }

        var beforeVerb = before[..verb.Index];
        // "Car, selon elle, ‘’…’’", "According to him, “…”": the source is the person spoken of.
        if (_accordingTo.IsMatch(verb.Value) && _pronounSource?.IsMatch(before[(verb.Index + verb.Length)..]) == true)
        {
            return Referent(people, quoteStart, quoteStart, last);
        }

        // "El Pacto, destacó, "…"": a verb set between commas is an incise; its subject is the speaker named before.
        if (beforeVerb.TrimEnd().EndsWith(',') && before[(verb.Index + verb.Length)..].Trim() == ",")
        {
            return Referent(people, quoteStart, quoteStart, last);
        }

        // "…: le responsable explique que « … »": a subject made only of title words is the person named before, and
        // so is no subject at all ("Afirmó que: “…”"; "Luego, agregó: “…”" where the language drops its subjects).
        var subject = beforeVerb[(beforeVerb.LastIndexOfAny([':', ';', ',']) + 1)..];
        // "A través de Twitter el mandatario publicó: “…”": the subject is the title its article opens, after the circumstances.
        if (ArticleOpening().Matches(subject).LastOrDefault() is { } article && article.Index > 0)
        {
            subject = subject[article.Index..];
        }

        var noSubject = beforeVerb.Trim().Length == 0 || (subject.Trim().Length == 0 && _subjectDroppingVerbs.Contains(verb.Value));
        return Sorted.Between(people, p => p.Index, sentenceStart, sentenceStart + verb.Index).LastOrDefault()?.Person
               ?? (_pronoun.IsMatch(beforeVerb) ? Referent(people, quoteStart, sentenceStart, last) : null)
               ?? (noSubject || (subject.Trim().Length > 0 && OnlyRoleWords(subject)) ? Referent(people, quoteStart, quoteStart, last) : null)
               ?? InvertedSubject(text, before, sentenceStart + verb.Index + verb.Length, quoteStart, people);
    }

    /// <summary>"He added that …", "Ana Ruiz stressed that …", "Señaló que …": a verb of speech and "that" after a short subject.</summary>
    private Match? ReportingOpening(string sentence)
    {
        // The verb stands among the opening words: only those are searched (the pattern is long).
        var opening = sentence.AsSpan().TrimStart();
        var words = 0;
        var end = sentence.Length - opening.Length;
        while (end < sentence.Length && words < MaxReportingSubjectWords + _longestSpeechVerb + 1)
        {
            var space = sentence.IndexOf(' ', end + 1);
            end = space < 0 ? sentence.Length : space;
            words++;
        }

        var verb = _speechVerb.Match(sentence, 0, end);
        return verb.Success && sentence[..verb.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxReportingSubjectWords
               && ThatAfterVerb().IsMatch(sentence[(verb.Index + verb.Length)..]) && sentence.IndexOfAny(['“', '«', '"']) < 0
            ? verb
            : null;
    }

    /// <summary>A quotation that ends its sentence: a stop or the line's end after it, or a stop closing its own words.</summary>
    private static bool ClosesSentence(string text, Quotation quote)
    {
        var lineEnd = text.IndexOf('\n', quote.End) is var newline and >= 0 ? newline : text.Length;
        var after = text.AsSpan(quote.End, lineEnd - quote.End).TrimStart();
        var closing = text.AsSpan(quote.BodyStart, quote.BodyEnd - quote.BodyStart).TrimEnd();
        return after.IsEmpty || after[0] is '.' or '!' or '?' || (closing.Length > 0 && closing[^1] is '.' or '!' or '?' or '…');
    }

    /// <summary>
    /// "C’est ce que confirme Ana Ruiz, directrice du port, en ces termes : « … »", "Al respecto, señaló el canciller
    /// Karim Benali: “…”": French and Spanish may put the subject after the verb; a colon then hands that person the floor.
    /// </summary>
    private FoundPerson? InvertedSubject(string text, string before, int verbEnd, int quoteStart, IReadOnlyList<PersonMention> people)
    {
        if (!before.TrimEnd().EndsWith(':'))
        {
            return null;
        }

        var named = Sorted.Between(people, p => p.Index, verbEnd, quoteStart).FirstOrDefault();
        return named is not null && OnlyRoleWords(text[verbEnd..named.Index]) ? named.Person : null;
    }

    /// <summary>A verb's words as looked up: single spaces between them, one apostrophe ("a déclaré", "d'ajouter").</summary>
    private static string VerbPhrase(string words) => VerbPhrase(VerbWords().Matches(words));

    private static string VerbPhrase(IEnumerable<Match> words) => string.Join(' ', words.Select(w => w.Value.Replace('’', '\'')));

    /// <summary>The last verb of speech in a text from a position on, found word by word (a verb may be a few words long).</summary>
    private Match? LastSpeechVerb(string value, int from)
    {
        var words = VerbWords().Matches(value, from).ToList();
        for (var i = words.Count - 1; i >= 0; i--)
        {
            // Most words begin no verb of speech: phrases are joined only from those that do.
            var first = words[i].ValueSpan;
            if (!(first.Contains('’') ? _speechVerbFirstWords.Contains(first.ToString().Replace('’', '\'')) : _speechVerbFirstWords.Contains(first)))
            {
                continue;
            }

            for (var length = Math.Min(_longestSpeechVerb, words.Count - i); length >= 1; length--)
            {
                var phrase = VerbPhrase(words.Skip(i).Take(length));
                if (_speechVerbPhrases.Contains(phrase) && _speechVerb.Match(value, words[i].Index) is { Success: true } verb && verb.Index == words[i].Index)
                {
                    return verb;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// « Nous …, souligne le directeur général, Ana Ruiz ; … »: French puts the attribution inside the guillemets, as an
    /// incise opened by a comma and a verb of speech, with the speaker named right after.
    /// </summary>
    private FoundPerson? SpeakerWithin(string text, Quotation quote, IReadOnlyList<PersonMention> people)
    {
        // Only guillemets carry an incise, and only a quotation that names someone can hold one.
        if (text[quote.Start] != '«' || !Sorted.Between(people, p => p.Index, quote.BodyStart, quote.BodyEnd).Any())
        {
            return null;
        }

        foreach (Match verb in _speechVerb.Matches(text[quote.BodyStart..quote.BodyEnd]))
        {
            var at = quote.BodyStart + verb.Index;
            var opening = text[Math.Max(quote.BodyStart, at - 3)..at];
            if (!opening.Contains(',', StringComparison.Ordinal))
            {
                continue;
            }

            var incise = text[(at + verb.Length)..Math.Min(quote.BodyEnd, at + verb.Length + IncisReach)];
            var close = IncisEnd().Match(incise) is { Success: true } e ? e.Index : incise.Length;
            if (Sorted.Between(people, p => p.Index, at + verb.Length, at + verb.Length + close).FirstOrDefault()?.Person is { } named)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>
    /// A quotation standing as a paragraph of its own, right after a paragraph that reports what someone said
    /// ("…, Name said that …" / "…señaló que…"): the reader gives it to the last person named there.
    /// </summary>
    private FoundPerson? SpeakerOfReportedSpeech(string text, Quotation quote, IReadOnlyList<PersonMention> people)
    {
        var lineEnd = text.IndexOf('\n', quote.End);
        var after = text[quote.End..(lineEnd < 0 ? text.Length : lineEnd)];
        if (after.Trim(' ', '.', ',', ';').Length > 0 || LineAboveOpeningQuote(text, quote) is not (var previousStart, var previousEnd))
        {
            return null;
        }

        var previous = text[previousStart..previousEnd];
        return previous.Length > 0 && _speechVerb.IsMatch(previous) && !previous.Contains('“', StringComparison.Ordinal) && !previous.Contains('«', StringComparison.Ordinal) && !previous.Contains('"', StringComparison.Ordinal)
            ? Sorted.Between(people, p => p.Index, previousStart, previousEnd).LastOrDefault()?.Person
            : null;
    }

    /// <summary>The body named last before a position at the start of its sentence or line (after articles only).</summary>
    private static string? LastSentenceOpener(string text, List<BodyMention> bodies, int position)
    {
        var from = Math.Max(0, position - ParagraphReach);
        for (var i = Sorted.LastAtOrBefore(bodies, b => b.Index, position - 1); i >= 0 && bodies[i].Index >= from; i--)
        {
            var at = bodies[i].Index;
            var sentenceStart = at == 0 ? 0 : Math.Max(text.LastIndexOf('\n', at - 1) + 1, text.LastIndexOf(". ", at - 1, StringComparison.Ordinal) + 2);
            if (sentenceStart <= at && OnlyArticles(text[sentenceStart..at]))
            {
                return bodies[i].Name;
            }
        }

        return null;
    }

    /// <summary>The last line with words above a quotation that opens its own line; none when the quotation does not.</summary>
    private static (int Start, int End)? LineAboveOpeningQuote(string text, Quotation quote)
    {
        var lineStart = quote.Start == 0 ? 0 : text.LastIndexOf('\n', quote.Start - 1) + 1;
        if (lineStart < 2 || !text.AsSpan(lineStart, quote.Start - lineStart).IsWhiteSpace())
        {
            return null;
        }

        var end = text.AsSpan(0, lineStart).TrimEnd().Length;
        return (text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1, end);
    }

    /// <summary>
    /// "Ana Ruiz, Coordinator for the Caribbean, IOM" on a line of its own over a quotation that opens the next line: a
    /// page that sets the speaker's name and post above what they said, as under a portrait.
    /// </summary>
    private static FoundPerson? SpeakerOfNameLine(string text, Quotation quote, IReadOnlyList<PersonMention> people)
    {
        if (LineAboveOpeningQuote(text, quote) is not (var previousStart, var previousEnd))
        {
            return null;
        }

        var previous = text[previousStart..previousEnd];
        return previous.Length > 0 && previous.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxNameLineWords && !SentenceStop().IsMatch(previous[^1..])
               && previous.IndexOfAny(['“', '”', '«', '»', '"']) < 0
               && Sorted.Between(people, p => p.Index, previousStart, previousEnd).Select(p => p.Person).Distinct().ToList() is [var named]
            ? named
            : null;
    }

    /// <summary>
    /// A quotation closing its paragraph over "Ana Ruiz, Présidente de la Ligue des ports" alone on the next line: signed
    /// with the speaker's name and post, as under a pull quote. A name with no post after it ("Ana Ruiz, Abuja") is the
    /// byline of the story that follows.
    /// </summary>
    private FoundPerson? SpeakerSignedBelow(string text, Quotation quote, IReadOnlyList<PersonMention> people)
    {
        var lineEnd = text.IndexOf('\n', quote.End);
        if (lineEnd < 0 || text[quote.End..lineEnd].Any(char.IsLetterOrDigit))
        {
            return null;
        }

        var nextStart = lineEnd;
        while (nextStart < text.Length && char.IsWhiteSpace(text[nextStart]))
        {
            nextStart++;
        }

        var nextEnd = text.IndexOf('\n', nextStart) is var end and >= 0 ? end : text.Length;
        var next = text[nextStart..nextEnd].TrimEnd();
        if (next.Length == 0 || text[lineEnd..nextStart].Count(c => c == '\n') > 2 || next.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxNameLineWords
            || SentenceStop().IsMatch(next[^1..]) || next.IndexOfAny(['“', '”', '«', '»', '"']) >= 0)
        {
            return null;
        }

        return Sorted.Between(people, p => p.Index, nextStart, nextEnd).ToList() is [var signer] && signer.Index == nextStart
               && RoleClauseWord().Matches(text[(signer.Index + signer.Length)..(nextStart + next.Length)]).Any(w => _roleWords.Contains(w.Value))
            ? signer.Person
            : null;
    }

    /// <summary>
    /// "Ana Ruiz, head of mission, stressed the role of the ports. « People move for many reasons… »": a quotation
    /// opening a sentence right after one that reports what someone said, in the same paragraph, is that person's.
    /// </summary>
    private FoundPerson? SpeakerOfSentenceBefore(string text, Quotation quote, IReadOnlyList<PersonMention> people)
    {
        var from = quote.Start == 0 ? 0 : Math.Max(quote.Start - NamedBeforeReach, text.LastIndexOf('\n', quote.Start - 1) + 1);
        var end = TextLayout.LastSentenceEnd(text, from, quote.Start);
        if (end < 0 || text[(end + 1)..quote.Start].Trim().Length > 0)
        {
            return null;
        }

        var start = Math.Max(from, TextLayout.LastSentenceEnd(text, from, end) + 1);
        var previous = text[start..(end + 1)];
        var verb = _speechVerb.Match(previous);
        return verb.Success && previous.IndexOfAny(['“', '«', '"']) < 0
            ? Sorted.Between(people, p => p.Index, start, start + verb.Index).LastOrDefault()?.Person
            : null;
    }

    private static bool FollowsUp(string text, Quotation quote, IReadOnlyList<PersonMention> people, LastSpeaker last)
    {
        if (quote.Start - last.QuoteEnd > NamedBeforeReach || Sorted.Between(people, p => p.Index, last.QuoteEnd, quote.Start).Any())
        {
            return false;
        }

        var lead = text[(text.LastIndexOf('\n', Math.Max(0, quote.Start - 1)) + 1)..quote.Start].TrimEnd().TrimEnd('”', '»', '"', ')');
        return (lead.Length == 0 || lead[^1] is '.' or '!' or '?') && ClosesSentence(text, quote);
    }

    private IEnumerable<FoundStatement> Interventions(
        string text, IReadOnlyList<PersonMention> people, List<BodyMention> organisations, List<(int Index, string Value)> panels, List<FoundStatement> quotes)
    {
        var quoted = quotes.OrderBy(q => q.PassageStart).ToList();
        foreach (var sentence in TextLayout.Sentences(text))
        {
            var verb = _interventionVerb.Match(sentence.Text);
            if (!verb.Success || Sorted.Between(quoted, q => q.PassageStart, sentence.Index - ParagraphReach, sentence.End).Any(q => q.PassageEnd > sentence.Index))
            {
                continue;
            }

            var verbAt = sentence.Index + verb.Index;
            var person = Sorted.Between(people, p => p.Index, sentence.Index, verbAt).LastOrDefault()?.Person;
            var organisation = person?.Organisation ?? Sorted.Between(organisations, m => m.Index, sentence.Index, verbAt).Select(m => m.Name).FirstOrDefault();
            if (person is null && organisation is null)
            {
                continue;
            }

            yield return new FoundStatement("intervention", sentence.Text.Trim(), person, organisation, PanelNear(text, panels, sentence.End), sentence.Index, sentence.End);
        }
    }

    private IEnumerable<FoundStatement> Recommendations(string text, List<BodyMention> organisations)
    {
        foreach (Match list in _listBlock.Matches(text))
        {
            // The paragraph before the list (the blank line just before the list is not its start).
            var introStart = ParagraphStart(text, list.Index - 2);
            if (!text[introStart..list.Index].TrimEnd().EndsWith(':'))
            {
                continue;
            }

            var voice = Sorted.Between(organisations, m => m.Index, introStart, list.Index).Select(m => m.Name).FirstOrDefault();
            foreach (Match item in _listItem.Matches(list.Value))
            {
                var body = item.Groups["body"];
                yield return new FoundStatement("recommendation", body.Value.Trim(), null, voice, null, list.Index + body.Index, list.Index + body.Index + body.Length);
            }
        }
    }

    /// <summary>The last "Panel 3" / "Session 2" named in the paragraph before the position.</summary>
    private static string? PanelNear(string text, List<(int Index, string Value)> panels, int position)
    {
        var at = Sorted.LastAtOrBefore(panels, p => p.Index, position - 1);
        return at >= 0 && panels[at].Index >= ParagraphStart(text, position - 1) ? panels[at].Value : null;
    }

    private static int ParagraphStart(string text, int position)
    {
        if (position <= 0)
        {
            return 0;
        }

        var from = Math.Max(0, position - ParagraphReach);
        var found = text.LastIndexOf("\n\n", position, position - from + 1, StringComparison.Ordinal);
        return found < 0 ? from : found + 2;
    }

    private static string Clean(string quote) => Whitespace().Replace(quote.Replace("“", string.Empty, StringComparison.Ordinal), " ").Trim().TrimStart(',');

    [GeneratedRegex(@"\s(?:reported|quoted|cited)\s+(?!by\s)(?<who>[^,;]+?)\s+as\s+saying(?![\p{L}])")]
    private static partial Regex QuotedAsSaying();

    [GeneratedRegex(@"^\s+(?:that\s|que\s|qu['’])")]
    private static partial Regex ThatAfterVerb();

    [GeneratedRegex(@"^\s*(?<comma>,)?\s*(?:\p{Ll}['’])?\p{Ll}+(?:-t)?-(?:il|elle)(?![\p{L}])")]
    private static partial Regex FrenchIncise();

    // Where an attribution ends: a sentence's end, a line, the next quotation, or a relative clause about the speaker.
    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|Fr|Sr|Sra|Srta|Dra|Mme|Prof|St|\p{Lu}))[.;!?](?=\s|$)|\n|“|«|""|,\s+(?:who|quien|quienes|qui)(?![\p{L}])")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\p{L}[\p{L}\-]*")]
    private static partial Regex RoleClauseWord();

    // " de las Naciones Unidas", " of the Harbour League": a body's name closing a speaker's post.
    [GeneratedRegex(@"\s(?:of|de|du|del|des|for)\s+(?:(?:the|la|las|los|le|l['’])\s*)?\p{Lu}[\p{L}\-]*(?:\s+(?:(?:of|de|del|des|du|y|and|et|la|las|los|the)\s+)*\p{Lu}[\p{L}\-]*)*[\s,]*$")]
    private static partial Regex BodyAtEnd();

    // "» – Ana Ruiz", "” — Ana Ruiz": a dash after the closing mark, then the name.
    [GeneratedRegex(@"^[.,]?[ \u00A0]*[–—][ \u00A0]*")]
    private static partial Regex DashSignature();

    // An incise ends where the quoted words resume: a semicolon, a comma after the name, or the closing mark.
    [GeneratedRegex(@"[;:»”]")]
    private static partial Regex IncisEnd();

    // "said that “…”", "declaró que este pacto “…”": the quotation completes a clause of a few words after "that".
    [GeneratedRegex(@"(?:(?<![\p{L}])(?:that|que)(?:\s+[^\s.;:!?“”""«»]+){0,6}|:)\s*$")]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(@"[\p{L}'’\-]+")]
    private static partial Regex VerbWords();

    // What may stand between a verb of speech and the quotation it leads into: a few words, no stop, no other quotation.
    [GeneratedRegex(@"^(?:\s+[^\s.;:!?“”""«»]+){0,6}\s*$")]
    private static partial Regex LeadInAfterVerb();

    [GeneratedRegex(@"[.!?]")]
    private static partial Regex SentenceStop();

    [GeneratedRegex(@"^[^.!?\n]*,\s*(?:adding|añadiendo|agregando|ajoutant)(?![\p{L}])[^.!?\n]*$")]
    private static partial Regex AddingThat();

    [GeneratedRegex(@"^\s+(?:(?:el|la|los|las|un|una|lo)(?![\p{L}])|\p{Lu})")]
    private static partial Regex SubjectAfterVerb();

    [GeneratedRegex(@"(?<![\p{L}])(?:the|le|la|l['’]|el)(?:\s+|(?<=['’]))(?=\p{L})")]
    private static partial Regex ArticleOpening();

    [GeneratedRegex(@"^[\s,]*(?:(?:the|le|la|les|l['’]|el|los|las)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticlesOnly();

    // "IOM said", "the League has said", "l'OIM a déclaré": the body is the verb's subject, a few small words before it.
    [GeneratedRegex(@"^(?:['’]s)?\s*(?:\)\s*)?(?:(?:has|have|had|also|then|further|ha|a|aussi|también|ya|\([^()]{1,12}\))\s+){0,2}$")]
    private static partial Regex SubjectGap();

    // ", a spokeswoman for …," / " from Indonesia, …": what follows a speaker's name before the verb is their post.
    [GeneratedRegex(@"^(?:,|\s+(?:from|of|de|du|del|des)\s)[^.;!?\n“”«»""]*,\s*$")]
    private static partial Regex PostAfterName();

    [GeneratedRegex(@"^[.,]?[ \u00A0]*\([^()\n]{3,60}\)")]
    private static partial Regex BracketedSpeaker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\G(?<surname>\p{Lu}[\p{L}\-]+),")]
    private static partial Regex ViewHolder();

    // "Moroccan", "Chinese", "Spanish", "Israeli": a nationality before a title; "colombiano", "malien": one after it.
    [GeneratedRegex(@"^(?:\p{Lu}\p{Ll}+(?:an|ese|ish|i)|\p{Ll}{2,}(?:" + Phrases.NationalityEndings + @"))$")]
    private static partial Regex Demonym();
}

/// <summary>The speaker of the last attributed quotation, and where that quotation ends.</summary>
internal sealed record LastSpeaker(FoundPerson Person, int QuoteEnd);

/// <summary>Where a body is named, as the speaker of a quotation may be.</summary>
internal sealed record BodyMention(int Index, int Length, string Name);
