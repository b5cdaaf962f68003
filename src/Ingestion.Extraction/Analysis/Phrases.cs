using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>Turns a list of phrases from the data into one regex alternation.</summary>
internal static class Phrases
{
    /// <summary>
    /// Phrases in reverse alphabetical order, compared as they match (any case, either apostrophe, one space): a phrase
    /// comes before every phrase it extends, so "will add" wins over "will", and phrases sharing their opening words
    /// stand together, which lets the regex engine try that opening once ("a dit", "a déclaré", "a également dit" …).
    /// </summary>
    public static string Alternation(IEnumerable<string> phrases) =>
        string.Join('|', phrases.Where(p => p.Length > 0).Distinct().OrderByDescending(MatchKey, StringComparer.Ordinal).Select(Pattern));

    private static string MatchKey(string phrase) => string.Join(' ', phrase.Replace('’', '\'').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whole-word matching that also works for phrases ending in punctuation ("Dr.", "Photo:").</summary>
    public static Regex Matcher(IEnumerable<string> phrases, RegexOptions options = RegexOptions.IgnoreCase) =>
        new($@"(?<![\p{{L}}\p{{N}}])(?:{Alternation(phrases)})(?![\p{{L}}\p{{N}}])", options | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>How a nationality written small ends in Spanish and French ("ecuatoriano", "malien", "marocaine").</summary>
    public const string NationalityEndings = "ano|ana|ense|eño|eña|és|esa|ien|ienne|ais|aise|ois|oise|ain|aine|ino|ina";

    /// <summary>A phrase as it stands at a sentence's or a title's start: its first letter capitalised.</summary>
    public static string Capitalised(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];

    /// <summary>Each phrase as the data writes it and capitalised ("said" and "Said", "coordinadora" and "Coordinadora").</summary>
    public static IEnumerable<string> WithCapitalised(IEnumerable<string> phrases) => phrases.SelectMany(p => new[] { p, Capitalised(p) });

    // Flexible whitespace and either apostrophe, so data written with ' matches text typeset with ’.
    private static string Pattern(string phrase) =>
        Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal);
}
