namespace IdmPlatform.Contracts;

/// <summary>
/// Every integration event carries its own id (consumers deduplicate on it) and when it happened.
/// Events are immutable; a new shape gets a new name (DocumentIngestedV2), never a changed one.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
