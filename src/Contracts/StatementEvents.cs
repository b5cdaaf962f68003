namespace IdmPlatform.Contracts;

/// <summary>
/// The catalogue recorded a document's new statements. Search indexes them; notifications match each against the
/// subscriptions. One event per document rather than per statement: a catalogue loading a backlog sends a tenth of
/// the messages, and the broker's and consumers' cost is per message.
/// </summary>
public sealed record StatementsPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string DocumentId,
    IReadOnlyList<StatementView> Statements) : IIntegrationEvent;

/// <summary>An editor corrected a statement; readers replace their copy.</summary>
public sealed record StatementUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    StatementView Statement) : IIntegrationEvent;

/// <summary>An editor retracted a statement; it leaves search and raises no more alerts.</summary>
public sealed record StatementRetracted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string StatementId) : IIntegrationEvent;

/// <summary>
/// An editor merged a person or an organisation (Kind "person" or "organisation") into another: From's slug now means
/// Into's. Whoever keeps the slug in a filter of their own (a subscription) follows it.
/// </summary>
public sealed record EntityMerged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Kind,
    string From,
    string Into) : IIntegrationEvent;

/// <summary>A catalogue entity by its stable slug and display name.</summary>
public sealed record NamedRef(string Slug, string Name);
