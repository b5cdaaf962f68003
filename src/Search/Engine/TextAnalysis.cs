using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IdmPlatform.Search.Engine;

/// <summary>
/// How text becomes terms. Each text is stemmed with its own language's stemmer (or kept as plain words in a language
/// the platform does not stem) in one field, so a query word read by every stemmer finds every language's text with
/// a term or two; every text is also kept unstemmed in <see cref="IndexFields.Words"/> for look-alikes of typos.
/// Accents and case are folded everywhere, before stemming, so "regulieres" finds "régulières". British spellings
/// are written the American way before English stemming, so "labour" and "labor" meet.
/// </summary>
public sealed class TextAnalysis
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly IReadOnlyList<string> StemmedLanguages = ["en", "fr", "es"];

    private readonly Dictionary<string, Analyzer> _stemmers;

    public TextAnalysis(IReadOnlyDictionary<string, string> britishToAmerican)
    {
        var spellings = new Dictionary<string, string>(britishToAmerican, StringComparer.Ordinal);
        _stemmers = new Dictionary<string, Analyzer>
        {
            ["en"] = Stemming(EnglishAnalyzer.DefaultStopSet, "English", stream => new SpellingFilter(new EnglishPossessiveFilter(Version, stream), spellings)),
            ["fr"] = Stemming(FrenchAnalyzer.DefaultStopSet, "French", stream => new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES)),
            ["es"] = Stemming(SpanishAnalyzer.DefaultStopSet, "Spanish", stream => stream),
        };
        Words = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
        });
    }

    public static TextAnalysis Load() => new(Glossary.QueryGlossary.Spellings());

    /// <summary>Unstemmed, folded words: names, fuzzy matching, and text in languages without a stemmer here.</summary>
    public Analyzer Words { get; }

    /// <summary>What the index writer uses for fields it analyses itself (words, names); text comes analysed by <see cref="For"/>.</summary>
    public Analyzer Indexing => Words;

    /// <summary>How text in <paramref name="language"/> is read: stemmed in its language, or as plain words.</summary>
    public Analyzer For(string language) => _stemmers.GetValueOrDefault(language, Words);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, with their positions (stop words leave gaps).</summary>
    public static List<(string Term, int Position)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }

    /// <summary>Lower case without accents: the form names and suggestions are compared in.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('’', '\'').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static Analyzer Stemming(CharArraySet stopWords, string snowball, Func<TokenStream, TokenStream> beforeFolding) =>
        Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = beforeFolding(new LowerCaseFilter(Version, tokenizer));
            stream = new StopFilter(Version, stream, stopWords);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, new SnowballFilter(stream, snowball));
        });

    /// <summary>Writes a word the American way when the spelling list or the -ise/-isation rule says how.</summary>
    private sealed class SpellingFilter(TokenStream input, IReadOnlyDictionary<string, string> spellings) : TokenFilter(input)
    {
        private static readonly (string British, string American)[] Endings =
            [("isation", "ization"), ("isations", "izations"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing")];

        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var word = _term.ToString();
            if (spellings.TryGetValue(word, out var american))
            {
                _term.SetEmpty().Append(american);
            }
            else if (word.Length > 7 && Endings.FirstOrDefault(e => word.EndsWith(e.British, StringComparison.Ordinal)) is { British: not null } ending)
            {
                _term.SetEmpty().Append(word[..^ending.British.Length]).Append(ending.American);
            }

            return true;
        }
    }
}
