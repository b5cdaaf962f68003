using IdmPlatform.Contracts;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>
/// Ingestion's own work item: a stored document waits for extraction. It travels through RabbitMQ like
/// any event so that extraction survives restarts and runs off the request path.
/// </summary>
public sealed record DocumentSubmitted(Guid EventId, DateTimeOffset OccurredAt, string JobId) : IIntegrationEvent;
