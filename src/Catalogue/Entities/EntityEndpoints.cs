using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Entities;

/// <summary>Events, organisations and people: each listed by slug, and each with its statements.</summary>
public static class EntityEndpoints
{
    public static IEndpointRouteBuilder MapEntityEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var kind in EntityKind.All)
        {
            var path = kind.Path;
            app.MapGet($"/api/catalogue/{path}", (int? limit, string? cursor, EntityDirectory directory, CancellationToken ct) =>
                ListAsync(kind, limit, cursor, directory, ct))
                .Documented($"List{path}", $"All {path}", $"The {path} of the catalogue by slug, a page at a time, each with its number of statements.")
                .Produces<Page<EntitySummary>>().ProducesProblems(StatusCodes.Status400BadRequest);
            var get = app.MapGet($"/api/catalogue/{path}/{{slug}}", (string slug, EntityDirectory directory, CancellationToken ct) =>
                GetAsync(kind, slug, directory, ct))
                .Documented($"Get{path}", $"One of the {path}", $"One of the {path} by slug, with its newest statements and its number of statements each year"
                    + (kind == EntityKind.Person ? ", and the roles the person spoke in over time (from the first to the last dated statement in each)"
                        : kind == EntityKind.Event ? ", and the event's panels with their number of statements" : string.Empty)
                    + (kind.Mergeable ? ". A slug an editor merged into another answers 301, its Location the other's." : "."))
                .Produces<EntityDetail>().ProducesProblems(StatusCodes.Status404NotFound);
            if (kind.Mergeable)
            {
                get.Produces(StatusCodes.Status301MovedPermanently);
            }
        }

        return app;
    }

    private static async Task<IResult> ListAsync(EntityKind kind, int? limit, string? cursor, EntityDirectory directory, CancellationToken cancellationToken) =>
        Paging.TryDecode(cursor, out var after)
            ? TypedResults.Ok(await directory.ListAsync(kind, Paging.Limit(limit), after, cancellationToken))
            : Paging.InvalidCursor();

    private static async Task<IResult> GetAsync(EntityKind kind, string slug, EntityDirectory directory, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(kind, slug, cancellationToken) is { } found)
        {
            return TypedResults.Ok(found);
        }

        // Only a slug that is not there is looked up among the merged, so a page that exists costs nothing more.
        if (kind.Mergeable && await directory.MergedIntoAsync(kind, slug, cancellationToken) is { } into)
        {
            return TypedResults.Redirect($"/api/catalogue/{kind.Path}/{Uri.EscapeDataString(into)}", permanent: true);
        }

        return NotFound(kind, slug);
    }

    internal static IResult NotFound(EntityKind kind, string slug) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Not found", $"There is nothing at /{kind.Path}/{slug}.");
}
