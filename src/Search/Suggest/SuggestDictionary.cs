using IdmPlatform.Contracts;
using IdmPlatform.Search.Engine;

namespace IdmPlatform.Search.Suggest;

public sealed record Suggestion(string Type, string Value, string Label);

/// <summary>
/// The people, organisations, events and themes the index holds, with how many items name each, kept by the indexer
/// as statements come, change and go. A prefix is looked up in a sorted set of folded words, so suggesting never
/// touches the statements.
/// </summary>
public sealed class SuggestDictionary
{
    private const int Scanned = 400;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Type, string Value), Entry> _entries = [];
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    private sealed class Entry(string label)
    {
        public string Label { get; set; } = label;

        public int Count { get; set; }
    }

    /// <summary>The names a statement carries, as (type, value, label).</summary>
    public static IEnumerable<(string Type, string Value, string Label)> NamesOf(StatementView s)
    {
        if (s.Speaker is { } speaker)
        {
            yield return ("person", speaker.Slug, speaker.Name);
        }

        if (s.Organisation is { } organisation)
        {
            yield return ("organisation", organisation.Slug, organisation.Name);
        }

        if (s.Event is { } @event)
        {
            yield return ("event", @event.Slug, @event.Name);
        }

        foreach (var theme in s.Themes.Distinct())
        {
            yield return ("theme", theme, theme);
        }
    }

    public void Add(IEnumerable<(string Type, string Value, string Label)> names)
    {
        lock (_lock)
        {
            foreach (var (type, value, label) in names)
            {
                if (!_entries.TryGetValue((type, value), out var entry))
                {
                    _entries[(type, value)] = entry = new Entry(label);
                    Keys(type, value, label).ToList().ForEach(k => _keys.Add(k));
                }

                entry.Count++;
            }
        }
    }

    public void Remove(IEnumerable<(string Type, string Value, string Label)> names)
    {
        lock (_lock)
        {
            foreach (var (type, value, _) in names)
            {
                if (_entries.TryGetValue((type, value), out var entry) && --entry.Count <= 0)
                {
                    _entries.Remove((type, value));
                    Keys(type, value, entry.Label).ToList().ForEach(k => _keys.Remove(k));
                }
            }
        }
    }

    /// <summary>The display name of a person, organisation or event by its slug, for facet values.</summary>
    public string? Label(string type, string value)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((type, value), out var entry) ? entry.Label : null;
        }
    }

    /// <summary>Names, or a word of them, or slugs starting with the prefix: whole-name matches first, then the most named.</summary>
    public IReadOnlyList<Suggestion> Find(string prefix, int limit)
    {
        var folded = TextAnalysis.Fold(prefix.Trim());
        var found = new List<(Suggestion Suggestion, bool Whole, int Count)>();
        lock (_lock)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var key in _keys.GetViewBetween(folded, folded + '\uffff').Take(Scanned))
            {
                var parts = key.Split('\u0001');
                var (type, value) = (parts[1], parts[2]);
                if (seen.Add((type, value)) && _entries.TryGetValue((type, value), out var entry))
                {
                    found.Add((new Suggestion(type, value, entry.Label), TextAnalysis.Fold(entry.Label).StartsWith(folded, StringComparison.Ordinal), entry.Count));
                }
            }
        }

        return found.OrderByDescending(f => f.Whole).ThenByDescending(f => f.Count).ThenBy(f => f.Suggestion.Label, StringComparer.Ordinal)
            .Take(limit).Select(f => f.Suggestion).ToList();
    }

    /// <summary>The whole folded name, each of its later words onwards ("zoe v…", "v…"), and the slug.</summary>
    private static IEnumerable<string> Keys(string type, string value, string label)
    {
        var folded = TextAnalysis.Fold(label);
        yield return $"{folded}\u0001{type}\u0001{value}";
        for (var i = folded.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = folded.IndexOf(' ', i + 1))
        {
            yield return $"{folded[(i + 1)..]}\u0001{type}\u0001{value}";
        }

        yield return $"{value}\u0001{type}\u0001{value}";
    }
}
