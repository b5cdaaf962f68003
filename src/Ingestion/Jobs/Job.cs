namespace IdmPlatform.Ingestion.Jobs;

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Queued, Processing, Completed, Failed, Duplicate };
}

/// <summary>The job as clients see it (GET /api/ingestion/jobs/{jobId}).</summary>
public sealed record JobView(
    string JobId,
    string Status,
    string? Stage,
    string? Error,
    string DocumentId,
    int? StatementCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>A document as submitted, before extraction.</summary>
public sealed record SubmittedDocument(
    byte[] Content,
    string ContentType,
    string? SourceUrl,
    DateOnly? PublishedOn,
    string? Language);
