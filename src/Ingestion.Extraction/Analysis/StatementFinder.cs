using System.Text.RegularExpressions;

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
    private const int MinQuoteWords = 5;
    private const int AttributionReach = 160;
    private readonly Regex _speechVerb;
    private readonly Regex _interventionVerb;
    private readonly Regex _pronoun;

    public StatementFinder(PeopleData data)
    {
        _speechVerb = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(data.SpeechVerbs.Values.SelectMany(v => v).Concat(data.AccordingTo))})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        _interventionVerb = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(data.InterventionVerbs)})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        _pronoun = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(data.Pronouns)})(?![\p{{L}}])|-t-(?:il|elle)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public IReadOnlyList<FoundStatement> Find(string text, IReadOnlyList<PersonMention> people, IReadOnlyList<FoundOrganisation> organisations)
    {
        var statements = Quotations(text, people, organisations);
        statements.AddRange(Interventions(text, people, organisations, statements));
        statements.AddRange(Recommendations(text, organisations));
        return statements.OrderBy(s => s.PassageStart).ToList();
    }

    private List<FoundStatement> Quotations(string text, IReadOnlyList<PersonMention> people, IReadOnlyList<FoundOrganisation> organisations)
    {
        var statements = new List<FoundStatement>();
        FoundPerson? lastSpeaker = null;
        int previousQuoteEnd = -1;
        foreach (Match quote in Quote().Matches(text))
        {
            var body = quote.Groups["body"];
            var content = Clean(body.Value);
            if (content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinQuoteWords)
            {
                continue;
            }

            var quoteEnd = quote.Index + quote.Length;
            // “First part,” said X, “second part.” is one statement.
            if (statements.Count > 0 && previousQuoteEnd >= 0 && statements[^1].Kind == "quote"
                && SplitByAttribution(text[previousQuoteEnd..quote.Index]))
            {
                statements[^1] = Continued(statements[^1], content, quoteEnd);
                previousQuoteEnd = quoteEnd;
                continue;
            }

            var speaker = SpeakerAfter(text, quoteEnd, people, lastSpeaker) ?? SpeakerBefore(text, quote.Index, people, lastSpeaker);
            var gap = previousQuoteEnd >= 0 ? text[previousQuoteEnd..quote.Index] : null;
            previousQuoteEnd = quoteEnd;
            if (speaker is null)
            {
                // “First.” said X. “Unattributed second.” goes on with the same speaker in the same paragraph.
                if (gap is not null && statements.Count > 0 && statements[^1].Kind == "quote" && gap.Length <= AttributionReach && !gap.Contains('\n', StringComparison.Ordinal))
                {
                    statements[^1] = Continued(statements[^1], content, quoteEnd);
                }

                continue;
            }

            lastSpeaker = speaker;
            statements.Add(new FoundStatement("quote", content, speaker, speaker.Organisation, PanelNear(text, quote.Index), quote.Index, quoteEnd));
        }

        return statements;
    }

    private static FoundStatement Continued(FoundStatement quote, string more, int end) => quote with { Text = $"{quote.Text} {more}", PassageEnd = end };

    private static bool SplitByAttribution(string gap) =>
        gap.Length <= AttributionReach && !gap.Contains("\n\n", StringComparison.Ordinal) && gap.TrimEnd().EndsWith(',') && gap.Trim().Length > 1;

    /// <summary>“…,” said Name / “…,” Name said / “…,” he added.</summary>
    private FoundPerson? SpeakerAfter(string text, int quoteEnd, IReadOnlyList<PersonMention> people, FoundPerson? lastSpeaker)
    {
        var reach = text[quoteEnd..Math.Min(text.Length, quoteEnd + AttributionReach)];
        var clauseEnd = ClauseEnd().Match(reach) is { Success: true } e ? e.Index : reach.Length;
        var clause = reach[..clauseEnd];
        var verb = _speechVerb.Match(clause);
        if (!verb.Success || clause[..verb.Index].Trim(' ', ',', '\u00A0').Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6)
        {
            return null;
        }

        return people.FirstOrDefault(p => p.Index >= quoteEnd && p.Index < quoteEnd + clauseEnd)?.Person
               ?? (_pronoun.IsMatch(clause) ? lastSpeaker : null);
    }

    /// <summary>Name will say in her remarks, “…” / Name will add that “…” / He said: “…”.</summary>
    private FoundPerson? SpeakerBefore(string text, int quoteStart, IReadOnlyList<PersonMention> people, FoundPerson? lastSpeaker)
    {
        var from = Math.Max(0, quoteStart - (AttributionReach * 2));
        var sentenceStart = Math.Max(from, Math.Max(text.LastIndexOf('\n', Math.Max(0, quoteStart - 1)), LastSentenceEnd(text, from, quoteStart)) + 1);
        var before = text[sentenceStart..quoteStart];
        if (!before.TrimEnd().EndsWith(',') && !before.TrimEnd().EndsWith(':') && !AttributionEnd().IsMatch(before))
        {
            return null;
        }

        var verb = _speechVerb.Matches(before).LastOrDefault();
        if (verb is null)
        {
            return null;
        }

        var verbAt = sentenceStart + verb.Index;
        return people.LastOrDefault(p => p.Index >= sentenceStart && p.Index < verbAt)?.Person
               ?? (_pronoun.IsMatch(before[..verb.Index]) ? lastSpeaker : null);
    }

    private static int LastSentenceEnd(string text, int from, int to)
    {
        var ends = SentenceEnd().Matches(text[from..to]);
        return ends.Count == 0 ? -1 : from + ends[^1].Index;
    }

    private IEnumerable<FoundStatement> Interventions(string text, IReadOnlyList<PersonMention> people, IReadOnlyList<FoundOrganisation> organisations, List<FoundStatement> quotes)
    {
        foreach (var sentence in TextLayout.Sentences(text))
        {
            var verb = _interventionVerb.Match(sentence.Text);
            if (!verb.Success || quotes.Any(q => q.PassageStart < sentence.End && sentence.Index < q.PassageEnd))
            {
                continue;
            }

            var verbAt = sentence.Index + verb.Index;
            var person = people.LastOrDefault(p => p.Index >= sentence.Index && p.Index < verbAt)?.Person;
            var organisation = person?.Organisation
                ?? organisations.SelectMany(o => o.Mentions.Select(m => (o.Name, m.Index))).Where(m => m.Index >= sentence.Index && m.Index < verbAt).OrderBy(m => m.Index).Select(m => m.Name).FirstOrDefault();
            if (person is null && organisation is null)
            {
                continue;
            }

            yield return new FoundStatement("intervention", sentence.Text.Trim(), person, organisation, PanelNear(text, sentence.Index, sentence.End), sentence.Index, sentence.End);
        }
    }

    private static IEnumerable<FoundStatement> Recommendations(string text, IReadOnlyList<FoundOrganisation> organisations)
    {
        foreach (Match list in ListBlock().Matches(text))
        {
            var introStart = text.LastIndexOf("\n\n", Math.Max(0, list.Index - 2), StringComparison.Ordinal) + 1;
            var intro = text[introStart..list.Index].Trim();
            if (!intro.EndsWith(':'))
            {
                continue;
            }

            var voice = organisations.SelectMany(o => o.Mentions.Select(m => (o.Name, m.Index)))
                .Where(m => m.Index >= introStart && m.Index < list.Index).OrderBy(m => m.Index).Select(m => m.Name).FirstOrDefault();
            foreach (Match item in ListItem().Matches(list.Value))
            {
                var body = item.Groups["body"];
                yield return new FoundStatement("recommendation", body.Value.Trim(), null, voice, null, list.Index + body.Index, list.Index + body.Index + body.Length);
            }
        }
    }

    private static string? PanelNear(string text, int index, int? end = null)
    {
        var paragraphStart = text.LastIndexOf("\n\n", Math.Max(0, index - 1), StringComparison.Ordinal) + 1;
        var scope = text[paragraphStart..(end ?? index)];
        return Panel().Matches(scope).LastOrDefault()?.Value;
    }

    private static string Clean(string quote) => Whitespace().Replace(quote.Replace("“", string.Empty, StringComparison.Ordinal), " ").Trim(' ', ',');

    // “curly” (over paragraphs: a continued quotation reopens each paragraph with “), « guillemets », "straight".
    [GeneratedRegex(@"“(?<body>[^”]{1,4000})”|«\s*(?<body>[^»]{1,4000}?)\s*»|(?<![\p{L}\d])""(?<body>[^""\n]{1,2000})""")]
    private static partial Regex Quote();

    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|Fr|Sr|Sra|Srta|Dra|Mme|Prof|St|\p{Lu}))[.;!?](?=\s|$)|\n|“|«")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"[.!?][”’""»]?\s+(?=[\p{Lu}“«])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:that|que|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionEnd();

    [GeneratedRegex(@"(?:^|(?<=\n))(?:[ \t]*(?:[-•*◆▪]|\d{1,2}[.)])[ \t]+[^\n]+(?:\n|$))+")]
    private static partial Regex ListBlock();

    [GeneratedRegex(@"[ \t]*(?:[-•*◆▪]|\d{1,2}[.)])[ \t]+(?<body>[^\n]+)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\b(?:Panel|Session|Panel Discussion|Table ronde|Mesa redonda|Panel de discusión)\s+\d+\b")]
    private static partial Regex Panel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
