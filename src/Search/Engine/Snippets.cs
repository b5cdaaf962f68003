using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IdmPlatform.Search.Engine;

/// <summary>
/// A short passage of an item's text around what the query matched, HTML-escaped, with each matching word in
/// &lt;mark&gt;. A word matches when the item's language's reading, or the plain word form, makes one of the query's
/// terms of it, or when it is within the allowed edits of a word read as a misspelling.
/// </summary>
public sealed class Snippets(TextAnalysis analysis)
{
    private const int Window = 300;

    public string For(string text, string language, QueryTerms? terms)
    {
        var marks = terms is null ? [] : Marks(text, language, terms);
        if (marks.Count == 0)
        {
            return Escape(text, 0, Math.Min(text.Length, Window), ellipsis: text.Length > Window);
        }

        // Start a little before the first match, at a word boundary, and run for about the window's length.
        var start = Math.Max(0, marks.Min.Start - 60);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + Window);
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && end - start < Window + 30)
        {
            end++;
        }

        var snippet = new StringBuilder(start > 0 ? "… " : string.Empty);
        var at = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= start && m.End <= end))
        {
            if (markStart < at)
            {
                continue;
            }

            snippet.Append(WebUtility.HtmlEncode(text[at..markStart])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[markStart..markEnd])).Append("</mark>");
            at = markEnd;
        }

        snippet.Append(WebUtility.HtmlEncode(text[at..end]));
        return end < text.Length ? snippet.Append(" …").ToString() : snippet.ToString();
    }

    private SortedSet<(int Start, int End)> Marks(string text, string language, QueryTerms terms)
    {
        var marks = new SortedSet<(int, int)>();
        if (terms.ByField.TryGetValue(IndexFields.Content, out var content))
        {
            Mark(analysis.For(language), IndexFields.Content, text, marks, content.Contains);
        }

        // Plain word forms matter where the text's reading did not stem it, and for look-alikes of a misspelt word.
        if (terms.Fuzzy.Count > 0 || !TextAnalysis.StemmedLanguages.Contains(language))
        {
            terms.ByField.TryGetValue(IndexFields.Words, out var words);
            Mark(analysis.Words, IndexFields.Words, text, marks, word =>
                (words?.Contains(word) ?? false) || terms.Fuzzy.Any(f => word.Length > 1 && word[0] == f.Word[0] && WithinEdits(word, f.Word, f.Edits)));
        }

        return marks;
    }

    private static void Mark(Analyzer analyzer, string field, string text, SortedSet<(int, int)> marks, Func<string, bool> matches)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (matches(term.ToString()))
            {
                marks.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
    }

    private static string Escape(string text, int start, int end, bool ellipsis) =>
        WebUtility.HtmlEncode(text[start..end]) + (ellipsis ? " …" : string.Empty);

    /// <summary>Levenshtein distance at most <paramref name="edits"/>, stopping as soon as it cannot be.</summary>
    public static bool WithinEdits(string a, string b, int edits)
    {
        if (Math.Abs(a.Length - b.Length) > edits)
        {
            return false;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, current[j]);
            }

            if (best > edits)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length] <= edits;
    }
}
