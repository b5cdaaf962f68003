using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IdmPlatform.Search.Engine;

/// <summary>The terms a query looks for, by field, so a snippet can mark what matched.</summary>
public sealed class QueryTerms
{
    public Dictionary<string, HashSet<string>> ByField { get; } = [];

    /// <summary>Words read as possible misspellings, with how many edits away a match may be.</summary>
    public List<(string Word, int Edits)> Fuzzy { get; } = [];

    public void Add(string field, string term)
    {
        if (!ByField.TryGetValue(field, out var terms))
        {
            ByField[field] = terms = [];
        }

        terms.Add(term);
    }
}

/// <summary>
/// Reads a query in web-search syntax — words (all required), "exact phrases", <c>a OR b</c>, <c>-excluded</c> — into a
/// Lucene query. Each word is looked for in every language at once (as each language's stemmer reads it, as written
/// for other languages, and among names, which weigh more), so an English word finds English statements and a French word
/// French ones. A word the index has (almost) never seen is read as a possible misspelling and also matches words one or
/// two edits away, which score below exact matches; a word the index knows well is taken as written, so a correct query is
/// not flooded with look-alikes. A stop word of one language ("eu" in French, "sea" in Spanish) is a word in another, so it
/// is searched all the same; only when the query keeps to one language are that language's stop words left out.
/// </summary>
public sealed class QueryReader(TextAnalysis analysis)
{
    private const float NameBoost = 2f;
    private const float FuzzyBoost = 0.2f;

    /// <summary>A word fewer items than this hold may be a misspelling (also in the text itself), so look-alikes are searched too.</summary>
    private const int RareBelow = 3;

    /// <summary>
    /// The most words a query may ask for. Each is a clause or more, Lucene refuses a query of over 1,024, and no one
    /// types more than a few dozen; a longer q is a pasted text or a probe.
    /// </summary>
    public const int MaxWords = 64;

    /// <summary>The most words searched as possible misspellings too: each walks the term dictionary, twice.</summary>
    public const int MaxLookAlikeWords = 5;

    /// <summary>How many words a query asks for: its terms (OR aside) and the words of its phrases.</summary>
    public static int WordCount(string query) =>
        SearchSyntax.Terms(query).Where(t => !t.IsOr).Sum(t => Math.Max(1, t.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));

    /// <param name="language">The language filter, if any: its stop words are the only ones left out of the query.</param>
    public (Query Query, QueryTerms Terms) Read(string query, IndexReader reader, string? language)
    {
        var keptTo = TextAnalysis.StemmedLanguages.Contains(language) ? language : null;
        var terms = new QueryTerms();
        var root = new BooleanQuery();
        var (asked, positives) = (0, 0);
        var items = SearchSyntax.Terms(query);
        var read = items.Select(item => item.IsOr ? null : ReadItem(item)).ToList();
        // Whether the query has a word every language searches. Then a word some language drops (English "of", French
        // "eu") is not asked of that language's text, which was indexed without it, so "inclusion of migrants" finds
        // "migrant inclusion"; asked alone, such a word is searched as written everywhere, so "EU" finds the EU.
        var carried = read.Any(r => r is { Item.Excluded: false, EveryLanguageKeeps: true });
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Excluded)
            {
                if (read[i] is { } excludedReading && Clause(excludedReading, reader, keptTo, carried: false, terms: null) is { } excluded)
                {
                    root.Add(excluded, Occur.MUST_NOT);
                }

                continue;
            }

            // a OR b OR c: one required group, any of whose parts may match.
            var group = new List<ItemReading>();
            if (read[i] is { } first)
            {
                group.Add(first);
            }

            while (i + 2 < items.Count && items[i + 1].IsOr && !items[i + 2].Excluded && !items[i + 2].IsOr)
            {
                group.Add(read[i + 2]!);
                i += 2;
            }

            asked++;
            var clauses = group.Select(g => Clause(g, reader, keptTo, carried && !g.IsAcronym, terms)).OfType<Query>().ToList();
            if (clauses.Count == 0)
            {
                continue;
            }

            if (clauses.Count == 1)
            {
                root.Add(clauses[0], Occur.MUST);
            }
            else
            {
                var any = new BooleanQuery();
                clauses.ForEach(c => any.Add(c, Occur.SHOULD));
                root.Add(any, Occur.MUST);
            }

            positives++;
        }

        if (asked > 0 && positives == 0)
        {
            // Words were asked for but none is searchable (only stop words, or no letters): nothing matches them.
            return (new BooleanQuery(), terms);
        }

        if (positives == 0)
        {
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return (root, terms);
    }

    /// <summary>A query item read once: its words as written, and its terms as each stemmed language reads it.</summary>
    private sealed record ItemReading(QueryTerm Item, List<(string Term, int Position)> Words, IReadOnlyDictionary<string, List<(string Term, int Position)>> ByLanguage)
    {
        /// <summary>A word typed in capitals: "UN" and "EU" are acronyms, not the French or Spanish words they spell.</summary>
        public bool IsAcronym =>
            !Item.Phrase && Item.Text.Length > 1 && Item.Text.All(c => char.IsUpper(c) || char.IsDigit(c)) && Item.Text.Any(char.IsUpper);

        /// <summary>Whether every language keeps the item's words: a phrase counts, as its words go together, and an acronym.</summary>
        public bool EveryLanguageKeeps => Item.Phrase || IsAcronym || (Words.Count > 0 && ByLanguage.Values.All(r => r.Count > 0));
    }

    private ItemReading ReadItem(QueryTerm item) => new(item, TextAnalysis.Terms(analysis.Words, IndexFields.Words, item.Text),
        TextAnalysis.StemmedLanguages.ToDictionary(language => language, language => TextAnalysis.Terms(analysis.For(language), IndexFields.Content, item.Text)));

    /// <param name="keptTo">The one language the query keeps to, if any: only its stop words are left out.</param>
    /// <param name="carried">Whether other words of the query carry it, so that a language dropping this one need not have it.</param>
    private static BooleanQuery? Clause(ItemReading read, IndexReader reader, string? keptTo, bool carried, QueryTerms? terms)
    {
        var (item, words) = (read.Item, read.Words);
        if (words.Count == 0 || (!item.Phrase && keptTo is not null && read.ByLanguage[keptTo].Count == 0))
        {
            return null;
        }

        var clause = new BooleanQuery();
        // The word (or phrase) as each language reads it, and as written. A reading that kept every word may meet any
        // language's text: languages often agree, so one or two distinct terms remain. A reading that lost stop words is
        // how that language's text was indexed, so it is looked for in that language's text alone, and where it lost
        // every word, that text is searched for the words as written.
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (language, reading) in read.ByLanguage.Append(new(string.Empty, words)))
        {
            if (reading.Count == words.Count)
            {
                if (distinct.Add(string.Join(' ', reading.Select(t => $"{t.Position}:{t.Term}"))))
                {
                    clause.Add(Match(IndexFields.Content, reading), Occur.SHOULD);
                }
            }
            else if (reading.Count == 0 && carried)
            {
                clause.Add(new TermQuery(new Term("language", language)) { Boost = 0 }, Occur.SHOULD);
            }
            else
            {
                clause.Add(InLanguage(reading.Count > 0 ? Match(IndexFields.Content, reading) : Match(IndexFields.Words, words), language), Occur.SHOULD);
            }

            reading.ForEach(t => terms?.Add(IndexFields.Content, t.Term));
        }

        clause.Add(Boosted(Match(IndexFields.Names, words), NameBoost), Occur.SHOULD);
        words.ForEach(w => terms?.Add(IndexFields.Words, w.Term));

        if (terms is not null && terms.Fuzzy.Count < MaxLookAlikeWords && !item.Phrase && words.Count == 1 && Edits(words[0].Term) is > 0 and var edits
            && reader.DocFreq(new Term(IndexFields.Words, words[0].Term)) + reader.DocFreq(new Term(IndexFields.Names, words[0].Term)) < RareBelow)
        {
            clause.Add(Boosted(new FuzzyQuery(new Term(IndexFields.Words, words[0].Term), edits, prefixLength: 1), FuzzyBoost), Occur.SHOULD);
            clause.Add(Boosted(new FuzzyQuery(new Term(IndexFields.Names, words[0].Term), edits, prefixLength: 1), FuzzyBoost), Occur.SHOULD);
            terms.Fuzzy.Add((words[0].Term, edits));
        }

        return clause;
    }

    /// <summary>Short words are left exact: one edit turns too many of them into other words.</summary>
    public static int Edits(string word) => word.Length switch
    {
        < 5 => 0,
        < 8 => 1,
        _ => 2,
    };

    private static Query Match(string field, List<(string Term, int Position)> terms)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }

        var phrase = new PhraseQuery();
        terms.ForEach(t => phrase.Add(new Term(field, t.Term), t.Position));
        return phrase;
    }

    private static BooleanQuery InLanguage(Query query, string language) => new()
    {
        { query, Occur.MUST },
        // Narrows without scoring, as the filters do.
        { new TermQuery(new Term("language", language)) { Boost = 0 }, Occur.MUST },
    };

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
