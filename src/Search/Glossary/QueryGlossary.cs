using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace IdmPlatform.Search.Glossary;

/// <summary>
/// Widens a query in web-search syntax with the other names of the notions it names (glossary.json, written by the
/// team): "regularisation" is also searched as "regularización" and "régularisation", "family reunification" as
/// "regroupement familial". A notion becomes an OR of quoted phrases where it stood, so the rest of the query keeps its
/// meaning; quoted phrases and excluded words are left as the user wrote them.
/// </summary>
public sealed class QueryGlossary
{
    /// <summary>Each name as its folded words, with the alternation it becomes; most words first.</summary>
    private readonly List<(string[] Words, string Alternation)> _names;

    public QueryGlossary(IEnumerable<IReadOnlyList<string>> notions)
    {
        // Longest names first, so "family reunification" is taken before a shorter name inside it could be.
        _names = notions
            .SelectMany(notion =>
            {
                var alternation = string.Join(" OR ", notion.Select(v => $"\"{v}\""));
                return notion.Select(name => (Words: Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries), Alternation: alternation));
            })
            .OrderByDescending(n => n.Words.Length)
            .ToList();
    }

    public static QueryGlossary Load() =>
        new(ReadData().RootElement.GetProperty("notions").EnumerateArray()
            .Select(n => (IReadOnlyList<string>)n.EnumerateArray().Select(v => v.GetString()!).ToList()));

    /// <summary>British spellings and the American ones they meet.</summary>
    public static IReadOnlyDictionary<string, string> Spellings() =>
        ReadData().RootElement.GetProperty("spellings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static JsonDocument ReadData()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IdmPlatform.Search.Glossary.glossary.json")!;
        return JsonDocument.Parse(stream);
    }

    public string Expand(string query)
    {
        var output = new StringBuilder();
        var parts = query.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts were inside quotes: an exact phrase stays exact.
            output.Append(i % 2 == 1 ? $"\"{parts[i]}\"" : ExpandWords(parts[i]));
        }

        return output.ToString();
    }

    private string ExpandWords(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(Fold).ToArray();
        var result = new List<string>();
        for (var i = 0; i < words.Length;)
        {
            var match = words[i].StartsWith('-') || words[i] == "OR" ? null : Longest(folded, i);
            if (match is { } found)
            {
                result.Add(found.Alternation);
                i += found.Length;
            }
            else
            {
                result.Add(words[i]);
                i++;
            }
        }

        return (text.StartsWith(' ') ? " " : string.Empty) + string.Join(' ', result) + (text.EndsWith(' ') && result.Count > 0 ? " " : string.Empty);
    }

    private (string Alternation, int Length)? Longest(string[] folded, int start)
    {
        foreach (var (words, alternation) in _names)
        {
            if (start + words.Length <= folded.Length && folded.AsSpan(start, words.Length).SequenceEqual(words))
            {
                return (alternation, words.Length);
            }
        }

        return null;
    }

    /// <summary>Case, accents and typographic apostrophes do not matter when a query is matched to a name.</summary>
    private static string Fold(string text) => Engine.TextAnalysis.Fold(text);
}
