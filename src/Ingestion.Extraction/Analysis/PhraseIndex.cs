using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A known phrase where the text writes it.</summary>
public readonly record struct PhraseMatch<T>(int Index, int Length, T Value);

/// <summary>
/// Finds many known phrases ("United Nations General Assembly", "Proceso de Puebla") in one walk over the text's
/// words: each word looks up the phrases that start with it. One regex alternation of hundreds of phrases that
/// ignores case scans far slower, and the list of bodies only grows. Case is ignored, runs of white space are one
/// space and either apostrophe is one, as in <see cref="Phrases.Matcher"/>. The walk reads the words in place: a word
/// that starts no phrase costs a lookup, not a string.
/// </summary>
public sealed partial class PhraseIndex<T>
{
    private readonly Dictionary<string, List<(string[] Words, string[] Gaps, T Value)>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string[] Words, string[] Gaps, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> phrases)
    {
        foreach (var (phrase, value) in phrases)
        {
            var words = Word().Matches(phrase).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var gaps = words.Skip(1).Select((w, k) => Gap(phrase.AsSpan(End(words[k]), w.Index - End(words[k])))).ToArray();
            if (!_byFirstWord.TryGetValue(words[0].Value, out var list))
            {
                list = [];
                _byFirstWord[words[0].Value] = list;
            }

            list.Add((words.Select(w => w.Value).ToArray(), gaps, value));
        }

        // The longest phrase first, so "UN Network on Migration" is tried before "UN".
        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        _firstWordLookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every place a known phrase starts, with the longest phrase that starts there; matches may overlap.</summary>
    public List<PhraseMatch<T>> Find(string text)
    {
        var found = new List<PhraseMatch<T>>();
        var words = new List<(int Index, int Length)>();
        foreach (var word in Word().EnumerateMatches(text))
        {
            words.Add((word.Index, word.Length));
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!_firstWordLookup.TryGetValue(text.AsSpan(words[i].Index, words[i].Length), out var candidates))
            {
                continue;
            }

            foreach (var (phrase, gaps, value) in candidates)
            {
                if (Spells(text, words, i, phrase, gaps))
                {
                    var (lastIndex, lastLength) = words[i + phrase.Length - 1];
                    found.Add(new PhraseMatch<T>(words[i].Index, lastIndex + lastLength - words[i].Index, value));
                    break;
                }
            }
        }

        return found;
    }

    private static bool Spells(string text, List<(int Index, int Length)> words, int start, string[] phrase, string[] gaps)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var k = 1; k < phrase.Length; k++)
        {
            var (index, length) = words[start + k];
            var previousEnd = words[start + k - 1].Index + words[start + k - 1].Length;
            if (!text.AsSpan(index, length).Equals(phrase[k], StringComparison.OrdinalIgnoreCase)
                || Gap(text.AsSpan(previousEnd, index - previousEnd)) != gaps[k - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static int End(Match word) => word.Index + word.Length;

    private static string Gap(ReadOnlySpan<char> between) => Space().Replace(between.ToString().Replace('’', '\''), " ");

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
