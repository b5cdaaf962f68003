using System.Globalization;
using System.Text.Json;
using IdmPlatform.Search.Engine;
using IdmPlatform.Search.Suggest;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Search.Searching;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync)
            .Documented("Search", "Search statements or documents",
                "Full-text search in web-search syntax (\"exact phrase\", OR, -excluded) over statements (type=statement, the default) or whole documents (type=document), in English, French and Spanish at once, tolerant of small misspellings, with the catalogue's filters (a person or organisation merged into another is the other, as in the catalogue), facet counts and highlighted snippets; sort by relevance or date. A cursor keeps a walk through the pages to what the first page saw; pages reach the first 10,000 matches. A query asks for at most 64 words.")
            .Produces<SearchResult>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/search/suggest", Suggest)
            .Documented("Suggest", "Suggest names", "People, organisations, events and themes whose names, or a word of them, start with q; whole-name matches first, then the most named.")
            .Produces<IReadOnlyList<Suggestion>>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/search/feed.atom", FeedAsync)
            .Documented("SearchFeed", "Follow a query as a feed", "The statements matching a query and filters that entered the catalogue last, newest first whatever their own date, as an Atom 1.0 feed; each entry links to the statement's JSON.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        HttpRequest request, string? q, string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? sort, string? facets, string? type, int? limit, string? cursor,
        SearchEngine engine, HotQueryCache cache, MergedNames merged, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (Invalid(q, gcm) is { } invalid)
        {
            return invalid;
        }

        if (type is not (null or "statement" or "document"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown type", "type must be 'statement' or 'document'.");
        }

        if (sort is not (null or "relevance" or "date"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown sort", "sort must be 'relevance' or 'date'.");
        }

        var facetNames = (facets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (facetNames.FirstOrDefault(f => !IndexFields.Facets.Contains(f)) is { } unknown)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown facet",
                $"'{unknown}' is not a facet; use any of: {string.Join(", ", IndexFields.Facets)}.");
        }

        if (!Paging.TryParsePosition(cursor, out var asOf, out var position) || !TryOffset(position, out var offset))
        {
            return Paging.InvalidCursor();
        }

        if (offset >= engine.MaxDepth)
        {
            // Only a hand-made cursor gets here: the last page within the depth offers none.
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Cursor beyond the last page",
                $"A search pages through its first {engine.MaxDepth} matches; narrow the query or its filters to reach the others.");
        }

        if (!engine.IsReady)
        {
            return NotReady();
        }

        var query = new SearchQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), type ?? "statement", @event, organisation, person, theme, gcm, language, kind,
            from, to, sort == "date" ? SearchOrder.Date : SearchOrder.Relevance, facetNames.Distinct().ToList(), Paging.Limit(limit), offset, (asOf ?? DateTimeOffset.UtcNow).UtcTicks);
        (query, var complete) = await merged.FollowAsync(query, engine, cancellationToken);
        var version = engine.Published;
        byte[] Answer() => JsonSerializer.SerializeToUtf8Bytes(engine.Search(query), json.Value.SerializerOptions);
        // An answer given while the catalogue could not say where a merged slug went is this request's alone: cached,
        // it would be served for ten minutes after the catalogue came back.
        var (answer, cached) = complete ? await cache.GetOrAddAsync(version, CacheKey(request, asOf, offset, version), Answer) : (Answer(), false);
        // Say where the answer came from, for benchmarks and curious operators; the answer is the same either way.
        request.HttpContext.Response.Headers["Search-Cache"] = cached ? "hit" : "miss";
        request.HttpContext.Response.Headers["Search-Replica"] = engine.Replica;
        return Results.Bytes(answer, "application/json; charset=utf-8");
    }

    /// <summary>
    /// The query as asked, except that a walk whose snapshot is at or after the newest item of this version leaves
    /// nothing out: its page depends only on the offset, and every such walk shares it (as first pages already do,
    /// next cursor included). The two kinds of key start apart and the offset stands before the query, so no query
    /// string a client sends can spell another request's key.
    /// </summary>
    private static string CacheKey(HttpRequest request, DateTimeOffset? asOf, int offset, IndexVersion version) =>
        asOf is { } snapshot && snapshot.UtcTicks >= version.NewestSeen
            ? $"page at {offset.ToString(CultureInfo.InvariantCulture)} of {QueryString.Create(request.Query.Where(p => p.Key != "cursor"))}"
            : $"as asked {request.QueryString}";

    private static IResult Suggest(string? q, int? limit, SearchEngine engine) =>
        string.IsNullOrWhiteSpace(q) ? ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing prefix", "Give the start of a name in 'q'.")
        : !engine.IsReady ? NotReady()
        : TypedResults.Ok(engine.Suggest(q, Paging.Limit(limit, max: 50, fallback: 10)));

    private static async Task<IResult> FeedAsync(
        HttpRequest request, string? q, string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, SearchEngine engine, MergedNames merged, CancellationToken cancellationToken)
    {
        if (Invalid(q, gcm) is { } invalid)
        {
            return invalid;
        }

        if (!engine.IsReady)
        {
            return NotReady();
        }

        var query = new SearchQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), "statement", @event, organisation, person, theme, gcm, language, kind,
            from, to, SearchOrder.Catalogued, [], Paging.MaxLimit / 2, 0, DateTimeOffset.UtcNow.UtcTicks);
        var result = engine.Search((await merged.FollowAsync(query, engine, cancellationToken)).Query);
        var title = q is null ? "IdmPlatform: newest statements" : $"IdmPlatform: statements matching \u201C{q}\u201D";
        return AtomFeed.Result(request, title, [.. result.Hits.Select(h => new AtomEntry(
            h.Id, h.Catalogued, h.Date, h.Speaker?.Name, h.Organisation?.Name, h.Event?.Name, h.Title, h.Url, h.Snippet))]);
    }

    /// <summary>What the search and its feed refuse to look for, as a problem to answer; null when they can.</summary>
    private static IResult? Invalid(string? q, int? gcm) =>
        q is not null && QueryReader.WordCount(q) is > QueryReader.MaxWords and var words
            ? ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Query too long",
                $"A query asks for at most {QueryReader.MaxWords} words (a phrase's words count one by one); this one asks for {words}.")
        : GcmObjectiveNumbers.Unknown("gcm", gcm);

    /// <summary>A replica answers once its first build from the catalogue is done; an empty index would answer wrongly.</summary>
    private static IResult NotReady() => ProblemDetailsExtensions.Problem(StatusCodes.Status503ServiceUnavailable, "Index being built",
        "This search replica is building its index from the catalogue; ask again in a few seconds.");

    private static bool TryOffset(string? position, out int offset)
    {
        offset = 0;
        return position is null || (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0);
    }
}
