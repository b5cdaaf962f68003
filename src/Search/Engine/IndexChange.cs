using IdmPlatform.Contracts;

namespace IdmPlatform.Search.Engine;

/// <summary>What the catalogue told the index, in the order a replica handles it.</summary>
public abstract record IndexChange(Guid EventId, DateTimeOffset OccurredAt);

/// <summary>A statement, new or corrected.</summary>
public sealed record StatementChanged(Guid EventId, DateTimeOffset OccurredAt, StatementView Statement) : IndexChange(EventId, OccurredAt);

public sealed record StatementRemoved(Guid EventId, DateTimeOffset OccurredAt, string StatementId) : IndexChange(EventId, OccurredAt);
