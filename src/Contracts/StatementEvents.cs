namespace IdmPlatform.Contracts;

/// <summary>The catalogue recorded a new statement. Search indexes it; notifications match it against subscriptions.</summary>
public sealed record StatementPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    StatementSnapshot Statement) : IIntegrationEvent;

/// <summary>An editor corrected a statement; readers replace their copy.</summary>
public sealed record StatementUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    StatementSnapshot Statement) : IIntegrationEvent;

/// <summary>An editor retracted a statement; it leaves search and raises no more alerts.</summary>
public sealed record StatementRetracted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string StatementId) : IIntegrationEvent;

/// <summary>Everything a reader of the catalogue's events needs about a statement, so nobody calls back.</summary>
public sealed record StatementSnapshot(
    string Id,
    string Kind,
    string Text,
    string Language,
    DateOnly? Date,
    NamedRef? Speaker,
    string? SpeakerRole,
    NamedRef? Organisation,
    NamedRef? Event,
    string? Panel,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    string DocumentId,
    string? DocumentTitle,
    string? SourceUrl,
    int PassageStart,
    int PassageEnd,
    string? DuplicateOfDocument);

/// <summary>A catalogue entity by its stable slug and display name.</summary>
public sealed record NamedRef(string Slug, string Name);
