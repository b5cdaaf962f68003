using IdmPlatform.Catalogue.Statements;

namespace IdmPlatform.Catalogue.Entities;

/// <summary>
/// A kind of entity statements name: its path under /api/catalogue, its table, the column that shows beside its name in
/// lists, the statements' column that names it, and whether an editor may merge two of them.
/// </summary>
public sealed record EntityKind(string Path, string Kind, string Table, string DetailColumn, string StatementColumn, bool Mergeable)
{
    public static readonly EntityKind Event = new("events", "event", "events", "starts_on::text", "event_slug", Mergeable: false);
    public static readonly EntityKind Organisation = new("organisations", "organisation", "organisations", "acronym", "organisation_slug", Mergeable: true);
    public static readonly EntityKind Person = new("people", "person", "people", "role", "speaker_slug", Mergeable: true);

    public static readonly IReadOnlyList<EntityKind> All = [Event, Organisation, Person];

    /// <summary>The statement filter that selects what the entity at <paramref name="slug"/> said, or said at.</summary>
    public StatementFilter StatementsOf(string slug) =>
        this == Event ? new(Event: slug) : this == Organisation ? new(Organisation: slug) : new(Person: slug);
}
