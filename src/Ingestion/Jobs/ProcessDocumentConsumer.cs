using IdmPlatform.Contracts;
using IdmPlatform.Ingestion.Duplicates;
using IdmPlatform.Ingestion.Extraction;
using MassTransit;
using Npgsql;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>
/// Runs extraction for one job. A document that cannot be read, or whose result the database refuses, fails its own
/// job with the reason; it never fails the consumer, so it neither loops through retries nor lands in the error queue.
/// </summary>
public sealed partial class ProcessDocumentConsumer(
    JobStore jobs, DocumentExtractor extractor, NearDuplicates nearDuplicates, Outbox outbox, ILogger<ProcessDocumentConsumer> logger) : IConsumer<DocumentSubmitted>
{
    private static readonly TimeSpan ExtractionTimeout = TimeSpan.FromSeconds(60);

    public async Task Consume(ConsumeContext<DocumentSubmitted> context)
    {
        var jobId = context.Message.JobId;
        var cancellationToken = context.CancellationToken;
        if (await jobs.StartAsync(jobId, cancellationToken) is not { } started)
        {
            return; // Already finished: this is a redelivery.
        }

        ExtractedDocument extracted;
        try
        {
            using var activity = Telemetry.Source.StartActivity("extract document");
            var hints = new ExtractionHints(started.Document.SourceUrl, started.Document.PublishedOn, started.Document.Language);
            // The deadline stops the extraction itself, not only the wait for it, so a document that takes too long does
            // not keep a core busy after its job has failed.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(ExtractionTimeout);
            extracted = await Task.Run(() => extractor.Extract(started.Document.Content, started.Document.ContentType, hints, deadline.Token), deadline.Token)
                .WaitAsync(deadline.Token);
        }
        catch (DocumentRejectedException ex)
        {
            await jobs.FailAsync(jobId, ex.Message, cancellationToken);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await jobs.FailAsync(jobId, $"Extraction took longer than {ExtractionTimeout.TotalSeconds} s and was stopped.", cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogExtractionCrashed(logger, jobId, ex);
            await jobs.FailAsync(jobId, $"The document could not be read: {ex.Message}", cancellationToken);
            return;
        }

        try
        {
            var fingerprint = TextFingerprint.Of(extracted.Text);
            var original = await nearDuplicates.FindOriginalAsync(started.DocumentId, fingerprint, cancellationToken);
            var translationOf = extracted.TranslationOf is { } originalUrl ? await jobs.FindBySourceUrlAsync(originalUrl, started.DocumentId, cancellationToken) : null;
            var ingested = ToEvent(jobId, started.DocumentId, started.ContentHash, started.Document.SourceUrl, extracted) with { DuplicateOf = original, TranslationOf = translationOf };
            await jobs.CompleteAsync(jobId, ingested, fingerprint, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or NpgsqlException { IsTransient: true }))
        {
            // What the database refuses now it refuses at every retry: left to the retries, the job would stay
            // "processing" for ever, and a resubmission would be answered as a duplicate. A database that is away
            // (transient) is still waited out by the bus's retries.
            LogStoringFailed(logger, jobId, ex);
            await jobs.FailAsync(jobId, $"The document was read but what was found in it could not be stored: {ex.Message}", cancellationToken);
            return;
        }

        outbox.Wake();
    }

    private static DocumentIngested ToEvent(string jobId, string documentId, string contentHash, string? sourceUrl, ExtractedDocument document) => new(
        Guid.NewGuid(),
        DateTimeOffset.UtcNow,
        documentId,
        jobId,
        contentHash,
        document.Title,
        document.PublishedOn,
        document.Language,
        document.Kind,
        sourceUrl,
        document.Text,
        DuplicateOf: null,
        TranslationOf: null,
        document.Events.Select(e => new EventRef(e.Slug, e.Name, e.StartsOn, e.EndsOn)).ToList(),
        document.Organisations.Select(o => new OrganisationRef(o.Name, o.Acronym)).ToList(),
        document.People.Select(p => new PersonRef(p.Name, p.Role, p.Organisation)).ToList(),
        document.Themes,
        document.GcmObjectives,
        document.Statements.Select((s, i) => new IngestedStatement(
            i, s.Kind, s.Text, s.Speaker, s.Organisation, s.EventSlug, s.Panel, s.PassageStart, s.PassageEnd, s.Themes, s.GcmObjectives)).ToList());

    [LoggerMessage(Level = LogLevel.Error, Message = "Extraction of job {JobId} crashed")]
    private static partial void LogExtractionCrashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The result of job {JobId} could not be stored")]
    private static partial void LogStoringFailed(ILogger logger, string jobId, Exception exception);
}
