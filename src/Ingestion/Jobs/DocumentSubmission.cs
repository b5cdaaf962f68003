using IdmPlatform.Ingestion.Extraction;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>The answer to a submission: its job (none when the same bytes were already ingested) and its document.</summary>
public sealed record SubmissionAnswer(string? JobId, string Status, string DocumentId);

/// <summary>Accepts a document: checks what can be checked at once, stores it, queues its job.</summary>
public sealed class DocumentSubmission(JobStore jobs, Outbox outbox)
{
    public async Task<IResult> SubmitAsync(SubmittedDocument document, CancellationToken cancellationToken)
    {
        var contentType = NormaliseContentType(document.ContentType);
        if (!DocumentExtractor.SupportedContentTypes.Contains(contentType))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported document type",
                $"'{document.ContentType}' is not accepted. Send one of: {string.Join(", ", DocumentExtractor.SupportedContentTypes)}.");
        }

        if (document.Content.Length == 0)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Empty document", "The document has no content.");
        }

        var (job, documentId) = await jobs.SubmitAsync(document, cancellationToken);
        if (job is null)
        {
            return TypedResults.Ok(new SubmissionAnswer(null, JobStatus.Duplicate, documentId));
        }

        outbox.Wake();
        return TypedResults.Accepted($"/api/ingestion/jobs/{job.JobId}", new SubmissionAnswer(job.JobId, job.Status, documentId));
    }

    /// <summary>"text/html; charset=utf-8" → "text/html", for the type check only: the stored type keeps its charset for the reader.</summary>
    public static string NormaliseContentType(string? contentType) =>
        (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();

    /// <summary>
    /// The content type of text that arrived as a string (a JSON body, a feed item) and is stored as UTF-8 bytes:
    /// "text/html; charset=windows-1252" → "text/html; charset=utf-8". The original charset no longer describes the
    /// bytes, and without a charset a page's own meta tag would win and garble them.
    /// </summary>
    public static string AsUtf8(string contentType)
    {
        var parameters = contentType.Split(';').Select(p => p.Trim())
            .Where(p => p.Length > 0 && !p.StartsWith("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        if (parameters.Count == 0 || !parameters[0].StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return contentType;
        }

        return string.Join("; ", parameters.Append("charset=utf-8"));
    }

    public static string ContentTypeFromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" => "text/plain",
        ".html" or ".htm" => "text/html",
        ".md" or ".markdown" => "text/markdown",
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
}
