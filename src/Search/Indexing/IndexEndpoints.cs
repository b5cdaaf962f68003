using IdmPlatform.Search.Engine;
using MassTransit;

namespace IdmPlatform.Search.Indexing;

/// <summary>The state of the replica that answers, and the operator's rebuild command (every replica rebuilds).</summary>
public static class IndexEndpoints
{
    public sealed record IndexStatus(string Replica, bool Ready, int Statements, string Version, RebuildStatus? Rebuilding, LastBuildStatus? LastBuild);

    public sealed record RebuildStatus(int Loaded, double Seconds);

    public sealed record LastBuildStatus(DateTimeOffset FinishedAt, int Statements, double Seconds);

    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search/status", (SearchEngine engine) => TypedResults.Ok(Status(engine)))
            .Documented("SearchStatus", "The index's state",
                "The answering replica's name, whether it has built its index, how many statements it holds, its version (equal on replicas that took in the same statements), the progress of a rebuild under way and when the last one finished.")
            .Produces<IndexStatus>();
        app.MapPost("/api/search/rebuild", RebuildAsync)
            .Documented("RebuildSearchIndex", "Rebuild the index from the catalogue",
                "Every search replica rebuilds its index from the catalogue's export beside the one it serves from, then swaps; follow it with GET /api/search/status.")
            .Produces<IndexStatus>(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> RebuildAsync(SearchEngine engine, IPublishEndpoint bus, HttpContext context, CancellationToken cancellationToken)
    {
        // The gateway lets only admin keys through; the role it signed is checked here too.
        if (GatewaySignature.CallerRole(context) != "admin")
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Rebuilding the search index needs the 'admin' role.");
        }

        await bus.Publish(new RebuildRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "an operator asked for it"), cancellationToken);
        return TypedResults.Accepted("/api/search/status", Status(engine));
    }

    private static IndexStatus Status(SearchEngine engine) =>
        new(engine.Replica, engine.IsReady, engine.Count, engine.Version,
            engine.Rebuilding is { } progress ? new RebuildStatus(progress.Loaded, Math.Round(progress.Elapsed.TotalSeconds, 1)) : null,
            engine.LastBuild is { } last ? new LastBuildStatus(last.FinishedAt, last.Statements, Math.Round(last.Took.TotalSeconds, 1)) : null);
}
