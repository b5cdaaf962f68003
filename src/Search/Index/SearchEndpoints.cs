using System.Globalization;

namespace IdmPlatform.Search.Index;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync)
            .Documented("Search", "Search statements",
                "Full-text search over statements in web-search syntax (\"exact phrase\", OR, -excluded), with the catalogue's filters, facet counts and highlighted snippets; sort by relevance or date.")
            .Produces<SearchResult>().ProducesProblems(StatusCodes.Status400BadRequest);
        app.MapGet("/api/search/suggest", SuggestAsync)
            .Documented("Suggest", "Suggest names", "People, organisations, events and themes whose names, or a word of them, start with q.")
            .Produces<IReadOnlyList<SearchIndex.Suggestion>>().ProducesProblems(StatusCodes.Status400BadRequest);
        app.MapGet("/api/search/feed.atom", FeedAsync)
            .Documented("SearchFeed", "Follow a query as a feed", "The newest statements matching a query and filters, as an Atom 1.0 feed; each entry links to the statement's JSON.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml").ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        string? q, string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? sort, string? facets, string? type, int? limit, string? cursor,
        SearchIndex index, CancellationToken cancellationToken)
    {
        if (type is not (null or "statement"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unsupported type", "Only type=statement is searchable for now.");
        }

        if (sort is not (null or "relevance" or "date"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown sort", "sort must be 'relevance' or 'date'.");
        }

        var facetNames = (facets ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (facetNames.FirstOrDefault(f => !SearchIndex.FacetColumns.ContainsKey(f)) is { } unknown)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown facet",
                $"'{unknown}' is not a facet; use any of: {string.Join(", ", SearchIndex.FacetColumns.Keys)}.");
        }

        if (!Paging.TryDecode(cursor, out var position) || !TryOffset(position, out var offset))
        {
            return Paging.InvalidCursor();
        }

        var query = new SearchQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), @event, organisation, person, theme, gcm, language, kind,
            from, to, sort == "date", facetNames, Paging.Limit(limit), offset);
        return TypedResults.Ok(await index.SearchAsync(query, cancellationToken));
    }

    private static async Task<IResult> SuggestAsync(string? q, int? limit, SearchIndex index, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(q)
            ? ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing prefix", "Give the start of a name in 'q'.")
            : TypedResults.Ok(await index.SuggestAsync(q, Paging.Limit(limit, max: 50, fallback: 10), cancellationToken));

    private static async Task<IResult> FeedAsync(
        HttpRequest request, string? q, string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        SearchIndex index, CancellationToken cancellationToken)
    {
        var query = new SearchQuery(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), @event, organisation, person, theme, gcm, language, kind,
            null, null, SortByDate: true, [], Paging.MaxLimit / 2, 0);
        var result = await index.SearchAsync(query, cancellationToken);
        // Behind the gateway, scheme and host are the gateway's (forwarded headers), so ids and links are public ones.
        var publicBase = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var self = new Uri(publicBase, $"{request.Path.Value!.TrimStart('/')}{request.QueryString}");
        var title = q is null ? "IdmPlatform: newest statements" : $"IdmPlatform: statements matching \u201C{q}\u201D";
        return Results.Bytes(AtomFeed.Write(title, self, publicBase, result.Hits), "application/atom+xml; charset=utf-8");
    }

    private static bool TryOffset(string? position, out int offset)
    {
        offset = 0;
        return position is null || (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0);
    }
}
