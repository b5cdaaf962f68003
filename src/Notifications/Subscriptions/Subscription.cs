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

    /// <summary>q, in web-search syntax, over the statement's text and the names of its speaker, organisation and event.</summary>
    private bool MatchesQuery(StatementView s) =>
        string.IsNullOrWhiteSpace(Q) || TextQuery.Matches(Q, [s.Text, s.Speaker?.Name, s.Organisation?.Name, s.Event?.Name]);
}

public sealed record Channel(string Type, string? Url = null, string? Address = null);

public sealed record SubscriptionView(string Id, string Status, SubscriptionFilter Filter, Channel Channel, string Digest, DateTimeOffset CreatedAt);

public sealed record Subscription(string Id, string Status, SubscriptionFilter Filter, string Target, string Secret);
