using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using IdmPlatform.Ingestion.Jobs;
using Npgsql;

namespace IdmPlatform.Ingestion.Sources;

/// <summary>
/// Polls due RSS/Atom sources and submits each new item as a document: the item's own content when the
/// feed carries the full text, otherwise the page it links to. A broken feed records its error and is
/// tried again at its next poll; it never stops the poller.
/// </summary>
public sealed partial class FeedPoller(SourceStore sources, DocumentFetcher fetcher, DocumentSubmission submission, ILogger<FeedPoller> logger)
    : BackgroundService
{
    private const int FullTextThreshold = 400;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        do
        {
            try
            {
                foreach (var (id, url) in await sources.ClaimDueAsync(stoppingToken))
                {
                    try
                    {
                        await PollAsync(id, url, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not (OperationCanceledException or NpgsqlException))
                    {
                        // One source's surprise is that source's error, never the end of polling for all.
                        LogPollFailed(logger, id, ex);
                        await sources.RecordPollAsync(id, $"The feed could not be read: {ex.Message}", stoppingToken);
                    }
                }
            }
            catch (NpgsqlException ex)
            {
                LogDatabaseUnavailable(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PollAsync(string sourceId, Uri url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        if (fetched.Document is null)
        {
            await sources.RecordPollAsync(sourceId, fetched.Error, cancellationToken);
            return;
        }

        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(fetched.Document.Content), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
            });
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or NotSupportedException)
        {
            await sources.RecordPollAsync(sourceId, $"Not an RSS or Atom feed: {ex.Message}", cancellationToken);
            return;
        }

        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri();
            var key = item.Id ?? link?.ToString();
            if (key is null || !await sources.MarkSeenAsync(sourceId, key, cancellationToken))
            {
                continue;
            }

            var content = FullText(item);
            SubmittedDocument? document = content is { Length: >= FullTextThreshold }
                ? new SubmittedDocument(Encoding.UTF8.GetBytes(content), DocumentSubmission.AsUtf8("text/html"), link?.ToString(), DateOnly.FromDateTime(item.PublishDate.UtcDateTime), null)
                : link is null ? null : (await fetcher.FetchAsync(link, cancellationToken)).Document;
            if (document is not null)
            {
                await submission.SubmitAsync(document, cancellationToken);
            }
        }

        await sources.RecordPollAsync(sourceId, null, cancellationToken);
    }

    /// <summary>The longest text the item carries: content:encoded, Atom content, or the summary.</summary>
    private static string? FullText(SyndicationItem item)
    {
        var candidates = new List<string?> { (item.Content as TextSyndicationContent)?.Text, item.Summary?.Text };
        candidates.AddRange(item.ElementExtensions
            .Where(e => e.OuterName == "encoded")
            .Select(e => e.GetObject<string>()));
        return candidates.Where(c => !string.IsNullOrWhiteSpace(c)).MaxBy(c => c!.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling source {SourceId} failed")]
    private static partial void LogPollFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed poller cannot reach its database")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
