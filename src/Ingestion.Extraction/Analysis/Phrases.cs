using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>Turns a list of phrases from the data into one regex alternation, longest first so "will add" wins over "add".</summary>
internal static class Phrases
{
    public static string Alternation(IEnumerable<string> phrases) =>
        string.Join('|', phrases.Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length).Select(Pattern));

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
