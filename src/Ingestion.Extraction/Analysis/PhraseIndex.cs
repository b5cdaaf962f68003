using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A known phrase where the text writes it.</summary>
public readonly record struct PhraseMatch<T>(int Index, int Length, T Value);

/// <summary>
/// Finds many known phrases ("United Nations General Assembly", "Proceso de Puebla") in one walk over the text's
/// words: each word looks up the phrases that start with it. One regex alternation of hundreds of phrases that
/// ignores case scans far slower, and the list of bodies only grows. Case is ignored, runs of white space are one
/// space and either apostrophe is one, as in <see cref="Phrases.Matcher"/>.
/// </summary>
public sealed partial class PhraseIndex<T>
{
    private readonly Dictionary<string, List<(string[] Words, string[] Gaps, T Value)>> _byFirstWord = new(StringComparer.Ordinal);

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var words = Word().Matches(phrase).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var gaps = words.Skip(1).Select((w, k) => Gap(phrase[words[k].EndIndex()..w.Index])).ToArray();
            var key = words[0].Value.ToLowerInvariant();
            if (!_byFirstWord.TryGetValue(key, out var list))
            {
                list = [];
                _byFirstWord[key] = list;
            }

            list.Add((words.Select(w => w.Value.ToLowerInvariant()).ToArray(), gaps, value));
        }

        // The longest phrase first, so "UN Network on Migration" is tried before "UN".
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>Every place a known phrase starts, with the longest phrase that starts there; matches may overlap.</summary>
    public List<PhraseMatch<T>> Find(string text)
    {
        var found = new List<PhraseMatch<T>>();
        var words = Word().Matches(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words[i].Value.ToLowerInvariant(), out var candidates))
            {
                continue;
            }

            foreach (var (phrase, gaps, value) in candidates)
            {
                if (Spells(text, words, i, phrase, gaps))
                {
                    var last = words[i + phrase.Length - 1];
                    found.Add(new PhraseMatch<T>(words[i].Index, last.EndIndex() - words[i].Index, value));
                    break;
                }
            }
        }

        return found;
    }

    private static bool Spells(string text, MatchCollection words, int start, string[] phrase, string[] gaps)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 1; k < phrase.Length; k++)
        {
            var word = words[start + k];
            if (!string.Equals(word.Value, phrase[k], StringComparison.OrdinalIgnoreCase)
                || Gap(text[words[start + k - 1].EndIndex()..word.Index]) != gaps[k - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static string Gap(string between) => Space().Replace(between.Replace('’', '\''), " ");

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}

internal static class MatchExtensions
{
    public static int EndIndex(this Match match) => match.Index + match.Length;
}
