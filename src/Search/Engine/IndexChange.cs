using IdmPlatform.Contracts;

namespace IdmPlatform.Search.Engine;

/// <summary>What the catalogue told the index, in the order a replica handles it.</summary>
public abstract record IndexChange(Guid EventId, DateTimeOffset OccurredAt)
{
    /// <summary>The statement or document changed (one event may carry several).</summary>
    public abstract string ItemId { get; }
}

/// <summary>A statement, new or corrected.</summary>
public sealed record StatementChanged(Guid EventId, DateTimeOffset OccurredAt, StatementView Statement) : IndexChange(EventId, OccurredAt)
{
    public override string ItemId => Statement.Id;
}

public sealed record StatementRemoved(Guid EventId, DateTimeOffset OccurredAt, string StatementId) : IndexChange(EventId, OccurredAt)
{
    public override string ItemId => StatementId;
}

/// <summary>A whole document, searched with type=document.</summary>
public sealed record DocumentChanged(Guid EventId, DateTimeOffset OccurredAt, DocumentView Document) : IndexChange(EventId, OccurredAt)
{
    public override string ItemId => Document.Id;
}

/// <summary>One item of the catalogue's export, and since when it has been in the catalogue (UTC ticks).</summary>
public sealed record CatalogueItem(StatementView? Statement, DocumentView? Document, long Seen);
