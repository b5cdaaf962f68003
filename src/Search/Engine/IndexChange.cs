using IdmPlatform.Contracts;

namespace IdmPlatform.Search.Engine;

/// <summary>What the catalogue told the index, in the order a replica handles it.</summary>
public abstract record IndexChange(Guid EventId, DateTimeOffset OccurredAt);

/// <summary>A statement, new or corrected.</summary>
public sealed record StatementChanged(Guid EventId, DateTimeOffset OccurredAt, StatementView Statement) : IndexChange(EventId, OccurredAt);

public sealed record StatementRemoved(Guid EventId, DateTimeOffset OccurredAt, string StatementId) : IndexChange(EventId, OccurredAt);

/// <summary>A whole document, searched with type=document.</summary>
public sealed record DocumentChanged(Guid EventId, DateTimeOffset OccurredAt, DocumentView Document) : IndexChange(EventId, OccurredAt);

/// <summary>One item of the catalogue's export, and since when it has been in the catalogue (UTC ticks).</summary>
public sealed record CatalogueItem(StatementView? Statement, DocumentView? Document, long Seen);
