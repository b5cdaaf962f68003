namespace IdmPlatform.Contracts;

/// <summary>The catalogue recorded a new statement. Search indexes it; notifications match it against subscriptions.</summary>
public sealed record StatementPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    StatementView Statement) : IIntegrationEvent;

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

/// <summary>A catalogue entity by its stable slug and display name.</summary>
public sealed record NamedRef(string Slug, string Name);
