using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A stretch of the clean text; Index and Length point into it, so passages stay exact.</summary>
public readonly record struct Span(int Index, int Length, string Text)
{
    public int End => Index + Length;
}

/// <summary>Paragraphs (blank-line separated) and sentences of the clean text, with their offsets.</summary>
public static partial class TextLayout
{
    public static IReadOnlyList<Span> Paragraphs(string text) =>
        ParagraphPattern().Matches(text).Select(m => new Span(m.Index, m.Length, m.Value)).ToList();

    public static IEnumerable<Span> Lines(string text) =>
        LinePattern().Matches(text).Select(m => new Span(m.Index, m.Length, m.Value));

    /// <summary>"Jorge Acosta Jorge Acosta": words printed twice in a row, as an image's text above its caption.</summary>
    public static bool TwiceInARow(IReadOnlyList<string> words) =>
        words.Count % 2 == 0 && words.Take(words.Count / 2).SequenceEqual(words.Skip(words.Count / 2), StringComparer.Ordinal);

    /// <summary>
    /// Sentences end at . ! ? followed by space and a capital or quote, but not after an honorific, a title's
    /// abbreviation, a month's ("on Nov. 21") or an initial.
    /// </summary>
    public static IReadOnlyList<Span> Sentences(string text, Span paragraph)
    {
        var sentences = new List<Span>();
        var start = paragraph.Index;
        foreach (Match end in SentenceEnd().Matches(paragraph.Text))
        {
            // The closing quote or bracket after the full stop belongs to the sentence it ends.
            var stop = paragraph.Index + end.Index + end.Groups["close"].Length;
            sentences.Add(new Span(start, stop - start, text[start..stop]));
            start = paragraph.Index + end.Index + end.Length;
        }

        if (start < paragraph.End)
        {
            sentences.Add(new Span(start, paragraph.End - start, text[start..paragraph.End]));
        }

        return sentences;
    }

    public static IEnumerable<Span> Sentences(string text) => Paragraphs(text).SelectMany(p => Sentences(text, p));

    /// <summary>Where the last sentence before position ends (the index of its full stop), or -1.</summary>
    public static int LastSentenceEnd(string text, int from, int to)
    {
        var end = SentenceEnd().Matches(text, from).TakeWhile(m => m.Index < to).LastOrDefault();
        return end is null ? -1 : end.Index + end.Groups["close"].Length - 1;
    }

    /// <summary>A year from 1900 to 2099 written as four ASCII digits.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")]
    public static partial Regex Year();

    [GeneratedRegex(@"[^\n]+(?:\n[^\n]+)*")]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"[^\n]+")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|Fr|Sr|Sra|Srta|Dra|St|Prof|Hon|Rev|Amb|Gov|Sen|Rep|Mme|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|\p{Lu}))(?<close>[.!?](?:[\u00A0\u202F ]?»|[”’"")])?)\s+(?=[\p{Lu}“‘""«(\d¿¡])")]
    private static partial Regex SentenceEnd();
}
