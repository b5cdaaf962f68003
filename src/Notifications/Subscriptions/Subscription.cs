using System.Globalization;
using System.Text;
using IdmPlatform.Contracts;

namespace IdmPlatform.Notifications.Subscriptions;

/// <summary>What a subscriber wants to hear about. Every list that is given must match; q must match the text.</summary>
public sealed record SubscriptionFilter(
    string? Q = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<string>? Organisations = null,
    IReadOnlyList<string>? People = null,
    IReadOnlyList<string>? Events = null,
    IReadOnlyList<int>? Gcm = null,
    IReadOnlyList<string>? Languages = null)
{
    public bool Matches(StatementView s) =>
        AnyOf(Themes, s.Themes)
        && AnyOf(Organisations, s.Organisation is null ? [] : [s.Organisation.Slug])
        && AnyOf(People, s.Speaker is null ? [] : [s.Speaker.Slug])
        && AnyOf(Events, s.Event is null ? [] : [s.Event.Slug])
        && (Gcm is not { Count: > 0 } || Gcm.Intersect(s.GcmObjectives).Any())
        && AnyOf(Languages, [s.Language])
        && MatchesQuery(s);

    private static bool AnyOf(IReadOnlyList<string>? wanted, IEnumerable<string> actual) =>
        wanted is not { Count: > 0 } || wanted.Intersect(actual, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>Words must all appear (accents and case ignored); "-word" must not.</summary>
    private bool MatchesQuery(StatementView s)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return true;
        }

        var haystack = Fold($"{s.Text} {s.Speaker?.Name} {s.Organisation?.Name} {s.Event?.Name}");
        foreach (var term in Q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var excluded = term.StartsWith('-');
            var word = Fold(term.TrimStart('-').Trim('"'));
            if (word.Length > 0 && haystack.Contains(word, StringComparison.Ordinal) == excluded)
            {
                return false;
            }
        }

        return true;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

public sealed record Channel(string Type, string? Url = null, string? Address = null);

public sealed record SubscriptionView(string Id, string Status, SubscriptionFilter Filter, Channel Channel, string Digest, DateTimeOffset CreatedAt);

public sealed record Subscription(string Id, string Status, SubscriptionFilter Filter, string Target, string Secret);
