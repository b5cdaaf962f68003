using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>
/// English, French, Spanish, Portuguese, German or Tagalog by their commonest words, with letters and words only one
/// language uses to settle short texts. Pages of the field come in Portuguese, German (parliaments' papers on the
/// Compact) and Tagalog too (the Philippines' migrant workers): told apart, they are not taken for English, Spanish or
/// Portuguese.
/// </summary>
public sealed partial class LanguageDetector(LanguageData data)
{
    private static readonly (string Language, Regex Marks)[] Marks = [("es", SpanishMarks()), ("fr", FrenchMarks()), ("pt", PortugueseMarks()), ("de", GermanMarks()), ("tl", TagalogMarks())];

    private readonly Dictionary<string, HashSet<string>> _stopWords = data.StopWords.ToDictionary(
        l => l.Key, l => new HashSet<string>(l.Value, StringComparer.OrdinalIgnoreCase));

    public string Detect(string text, string fallback = "en")
    {
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        var scores = _stopWords.Keys.ToDictionary(l => l, _ => 0.0);
        foreach (Match word in Word().Matches(sample))
        {
            foreach (var (language, words) in _stopWords)
            {
                if (words.Contains(word.Value))
                {
                    scores[language] += 1;
                }
            }
        }

        // Letters and elisions that mark one language weigh more than a shared word like "la".
        foreach (var (language, marks) in Marks)
        {
            if (scores.ContainsKey(language))
            {
                scores[language] += 3 * marks.Count(sample);
            }
        }
        var best = scores.MaxBy(s => s.Value);
        return best.Value > 0 ? best.Key : fallback;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[ñ¿¡]|\b(?:del|los|las|según|también)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishMarks();

    [GeneratedRegex(@"[ãõ]|\b(?:não|também|pelo|pela)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortugueseMarks();

    [GeneratedRegex(@"\b(?:und|nicht|werden|durch|über|für|sowie)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GermanMarks();

    [GeneratedRegex(@"\b(?:ang|ng|mga|ay|nang)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TagalogMarks();

    [GeneratedRegex(@"[çœ]|\b(?:l|d|qu|n|s|j)['’]\p{L}|\b(?:selon|aussi|être)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchMarks();
}
