using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using IdmPlatform.Ingestion.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
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
    private const int MaxItemKeyBytes = 1024;
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
                    catch (Exception ex) when (ex is not (OperationCanceledException or NpgsqlException { IsTransient: true }))
                    {
                        // One source's surprise is that source's error, never the end of polling for all: so is what the
                        // database refuses for this feed alone. Only a database that is away ends the round.
                        LogPollFailed(logger, id, ex);
                        var what = ex is NpgsqlException ? "The feed's items could not be stored" : "The feed could not be read";
                        await sources.RecordPollAsync(id, $"{what}: {ex.Message}", stoppingToken);
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
            feed = Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or InvalidOperationException or NotSupportedException)
        {
            await sources.RecordPollAsync(sourceId, $"Not an RSS or Atom feed: {ex.Message}", cancellationToken);
            return;
        }

        // An item is marked seen only once it has been submitted: one whose page could not be fetched this time
        // is tried again at the next poll rather than lost. One the submission refuses (a type it does not accept, an
        // empty page) would be refused again, so it is seen too, and the refusal reported rather than lost silently.
        var failures = new List<string>();
        var refusals = new List<string>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri();
            var key = ItemKey(item.Id ?? link?.ToString());
            if (key is null || await sources.IsSeenAsync(sourceId, key, cancellationToken))
            {
                continue;
            }

            var document = await DocumentAsync(item, link, cancellationToken);
            if (document.Document is null)
            {
                failures.Add(document.Error ?? $"Item '{key}' has neither full text nor a link.");
                continue;
            }

            if (await submission.SubmitAsync(document.Document, cancellationToken) is ProblemHttpResult refused)
            {
                refusals.Add($"'{link?.ToString() ?? key}': {refused.ProblemDetails.Detail}");
            }

            await sources.MarkSeenAsync(sourceId, key, cancellationToken);
        }

        List<string> errors = [];
        if (failures.Count > 0)
        {
            errors.Add($"{failures.Count} item(s) could not be taken and will be tried again at the next poll; the first: {failures[0]}");
        }

        if (refusals.Count > 0)
        {
            errors.Add($"{refusals.Count} item(s) were refused and will not be tried again; the first: {refusals[0]}");
        }

        await sources.RecordPollAsync(sourceId, errors.Count == 0 ? null : string.Join(" ", errors), cancellationToken);
    }

    /// <summary>
    /// How an item is remembered as seen: its id (or link), or the hash of one too long for the index on the items seen
    /// (PostgreSQL fits about 2.7 KB in an index row); a feed's ids are a few dozen characters, some are whole texts.
    /// </summary>
    private static string? ItemKey(string? id) =>
        id is null || Encoding.UTF8.GetByteCount(id) <= MaxItemKeyBytes ? id : $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";

    /// <summary>
    /// As <see cref="SyndicationFeed.Load(XmlReader)"/>, with a lenient date parser: the standard one throws on one
    /// item's date it cannot read ("09:00 CEST", "Di, 21 Mai 2024"), which made the whole feed unreadable.
    /// </summary>
    private static SyndicationFeed Load(XmlReader reader)
    {
        SyndicationFeedFormatter formatter = new Atom10FeedFormatter();
        if (!formatter.CanRead(reader))
        {
            formatter = new Rss20FeedFormatter();
            if (!formatter.CanRead(reader))
            {
                throw new XmlException($"<{reader.LocalName}> in '{reader.NamespaceURI}' starts neither RSS 2.0 nor Atom 1.0.");
            }
        }

        var standard = formatter.DateTimeParser;
        formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset date) =>
        {
            if (standard(data, out date))
            {
                return true;
            }

            // The calendar date as written ("21 May 2024"), which is all a document keeps; else no date at all.
            var written = WrittenDate().Match(data.DateTimeString);
            date = written.Success && DateTime.TryParseExact(written.Value, "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new DateTimeOffset(day, TimeSpan.Zero)
                : default;
            return true;
        };
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    /// <summary>
    /// The item as a document: the feed's own full text when it carries one, otherwise the page it links to, dated by
    /// the feed when the feed gives a date (an RSS item may have none, an Atom entry only its last update).
    /// </summary>
    private async Task<FetchResult> DocumentAsync(SyndicationItem item, Uri? link, CancellationToken cancellationToken)
    {
        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        DateOnly? publishedOn = date == default ? null : DateOnly.FromDateTime(date.UtcDateTime);
        if (FullText(item, link is null) is { } content)
        {
            var document = new SubmittedDocument(Encoding.UTF8.GetBytes(content), DocumentSubmission.AsUtf8("text/html"), link?.ToString(), publishedOn, null);
            return new FetchResult(document, StatusCodes.Status200OK, null);
        }

        if (link is null)
        {
            return new FetchResult(null, StatusCodes.Status422UnprocessableEntity, null);
        }

        var fetched = await fetcher.FetchAsync(link, cancellationToken);
        return fetched.Document is null ? fetched : fetched with { Document = fetched.Document with { PublishedOn = publishedOn } };
    }

    /// <summary>
    /// The item's full text: content:encoded or Atom content long enough to be an article. A summary is most often a
    /// teaser, so it stands for the item only when there is no page to fetch.
    /// </summary>
    private static string? FullText(SyndicationItem item, bool summaryWillDo)
    {
        var contents = item.ElementExtensions.Where(e => e.OuterName == "encoded").Select(e => e.GetObject<string>())
            .Append((item.Content as TextSyndicationContent)?.Text);
        var full = contents.Where(c => VisibleLength(c) >= FullTextThreshold).MaxBy(c => c!.Length);
        return full ?? (summaryWillDo && !string.IsNullOrWhiteSpace(item.Summary?.Text) ? item.Summary.Text : null);
    }

    /// <summary>The length of the text a reader sees: markup does not make a teaser an article.</summary>
    private static int VisibleLength(string? html) => html is null ? 0 : Markup().Replace(html, string.Empty).Trim().Length;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b[0-9]{1,2} [A-Za-z]{3} [0-9]{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDate();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling source {SourceId} failed")]
    private static partial void LogPollFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed poller cannot reach its database")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
