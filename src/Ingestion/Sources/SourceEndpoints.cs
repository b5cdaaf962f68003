using System.Text;
using System.Xml;

namespace IdmPlatform.Ingestion.Sources;

public static class SourceEndpoints
{
    public sealed record SourceRequest(string? Url = null, string? PollEvery = null);

    private static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longer than any real feed's address, and well within what PostgreSQL fits in a row of the unique index on
    /// sources.url (about 2.7 KB), which refused longer ones with an error rather than an answer.
    /// </summary>
    private const int MaxUrlBytes = 2048;

    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/ingestion/sources");
        sources.MapPost("", AddAsync)
            .Documented("AddSource", "Follow a feed", "Poll an RSS or Atom feed every pollEvery (an ISO 8601 duration of at least PT1M, PT1H if not given) and ingest each new item.")
            .WithRequestExample(new { url = "https://www.iom.int/rss/news", pollEvery = "PT1H" })
            .Produces<SourceView>(StatusCodes.Status201Created).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        sources.MapGet("", async (SourceStore store, CancellationToken ct) => TypedResults.Ok(new Page<SourceView>(await store.ListAsync(ct), null)))
            .Documented("ListSources", "Followed feeds", "Every feed polled, with when it is next polled, when it last was, and its last error.")
            .Produces<Page<SourceView>>();
        sources.MapDelete("/{id}", async (string id, SourceStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id))
            .Documented("DeleteSource", "Stop following a feed", "The feed is no longer polled; what it brought stays in the catalogue.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(StatusCodes.Status404NotFound);
        sources.MapPost("/{id}/poll", async (string id, SourceStore store, CancellationToken ct) =>
            await store.PollNowAsync(id, ct) ? Results.Accepted() : NotFound(id))
            .Documented("PollSource", "Poll a feed now", "Brings the feed's next poll forward to now.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> AddAsync(SourceRequest request, SourceStore store, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid feed URL", "'url' must be an absolute http or https URL.");
        }

        if (Encoding.UTF8.GetByteCount(url.ToString()) is var length && length > MaxUrlBytes)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Feed URL too long",
                $"'url' is {length} bytes long; a feed URL may be at most {MaxUrlBytes} bytes ({MaxUrlBytes} characters of plain ASCII).");
        }

        TimeSpan every;
        try
        {
            every = request.PollEvery is null ? TimeSpan.FromHours(1) : XmlConvert.ToTimeSpan(request.PollEvery);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid pollEvery", "pollEvery is an ISO 8601 duration such as PT15M or P1D.");
        }

        if (every < MinimumPollInterval)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Polling too often", "pollEvery must be at least PT1M.");
        }

        return await store.AddAsync(url, every, cancellationToken) is { } source
            ? TypedResults.Created($"/api/ingestion/sources/{source.Id}", source)
            : ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Source already exists", $"{url} is already polled.");
    }

    private static IResult NotFound(string id) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Source not found", $"There is no source '{id}'.");
}
