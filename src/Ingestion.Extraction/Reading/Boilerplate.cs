using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// The team's boilerplate rules (Data/boilerplate.json, embedded) compiled once: which lines, sentences and
/// HTML elements are furniture rather than content. Immutable, so one instance serves every thread.
/// </summary>
internal sealed class Boilerplate
{
    // Rules come from data: a linear-time engine means no line can hold a worker, however it is written,
    // so no wall-clock guard is needed (a timeout fired on busy machines and failed normal documents).
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Regex _line;
    private readonly Regex _tail;
    private readonly Regex _sentence;
    private readonly string[] _addressTokens;
    private readonly HashSet<string> _connectives;

    private Boilerplate(Rules rules)
    {
        _line = Alternation(rules.LinePatterns);
        _tail = Alternation(rules.TailMarkers);
        _sentence = Alternation(rules.SentencePatterns);
        _addressTokens = [.. rules.AddressTokens.Select(t => t.ToLowerInvariant())];
        _connectives = new HashSet<string>(rules.LetterheadConnectives, StringComparer.OrdinalIgnoreCase);
        HtmlRemoveSelector = string.Join(", ", rules.HtmlRemoveSelectors);
        HtmlRemoveWords = new Regex($"(^|[-_\\s])({string.Join('|', rules.HtmlRemoveClassWords)})([-_\\s]|$)", Options);
    }

    /// <summary>CSS selector of elements that are never content (nav, forms, scripts...).</summary>
    public string HtmlRemoveSelector { get; }

    /// <summary>Matches an id or class naming a widget (cookie banner, share buttons, comments...).</summary>
    public Regex HtmlRemoveWords { get; }

    public static Boilerplate Load()
    {
        var assembly = typeof(Boilerplate).Assembly;
        using var stream = assembly.GetManifestResourceStream("IdmPlatform.Ingestion.Extraction.Data.boilerplate.json")
            ?? throw new InvalidOperationException("Data/boilerplate.json is not embedded in " + assembly.GetName().Name);
        var rules = JsonSerializer.Deserialize<Rules>(stream, JsonOptions)
            ?? throw new InvalidOperationException("Data/boilerplate.json is empty.");
        return new Boilerplate(rules);
    }

    /// <summary>A line after which nothing is content: the start of a blog's comment section.</summary>
    public bool IsTailMarker(string line) => _tail.IsMatch(line.Trim());

    public bool IsFurnitureLine(string line)
    {
        var trimmed = line.Trim();
        return _line.IsMatch(trimmed) || IsAddressLine(trimmed);
    }

    /// <summary>Removes sentences that point at widgets ("You can view the slides on our Instagram page.").</summary>
    public string RemoveSentences(string paragraph) => _sentence.Replace(paragraph, string.Empty);

    /// <summary>
    /// A letterhead line names the organisation by its acronym and then in full, the words' initials spelling
    /// the acronym: "IOM International Organization for Migration", "OIM Organisation Internationale pour les Migrations".
    /// </summary>
    public bool IsLetterheadLine(string line)
    {
        var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || line.Length > 120 || words[0].Length is < 2 or > 8 || !words[0].All(char.IsUpper))
        {
            return false;
        }

        var initials = string.Concat(words.Skip(1).Where(w => !_connectives.Contains(w)).Select(w => char.ToUpperInvariant(w[0])));
        return initials == words[0];
    }

    // A postal address or contact line carries two or more address tokens; a bare URL (www. + http) is not one.
    private bool IsAddressLine(string line)
    {
        if (line.Length > 240)
        {
            return false;
        }

        var lower = line.ToLowerInvariant();
        var found = _addressTokens.Where(t => lower.Contains(t, StringComparison.Ordinal)).ToList();
        return found.Count >= 2 && found.Any(t => t is not ("www." or "http"));
    }

    private static Regex Alternation(IEnumerable<string> patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")) is { Length: > 0 } joined ? joined : @"[^\s\S]", Options);

    private sealed record Rules(
        IReadOnlyList<string> LinePatterns,
        IReadOnlyList<string> AddressTokens,
        IReadOnlyList<string> SentencePatterns,
        IReadOnlyList<string> TailMarkers,
        IReadOnlyList<string> LetterheadConnectives,
        IReadOnlyList<string> HtmlRemoveSelectors,
        IReadOnlyList<string> HtmlRemoveClassWords);
}
