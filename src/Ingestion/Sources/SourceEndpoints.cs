using System.Xml;

namespace IdmPlatform.Ingestion.Sources;

public static class SourceEndpoints
{
    public sealed record SourceRequest(string? Url, string? PollEvery);

    private static readonly TimeSpan MinimumPollInterval = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/ingestion/sources");
        sources.MapPost("", AddAsync).WithName("AddSource").WithSummary("Poll an RSS or Atom feed every pollEvery (ISO 8601 duration, e.g. PT1H).");
        sources.MapGet("", async (SourceStore store, CancellationToken ct) => TypedResults.Ok(new { items = await store.ListAsync(ct), nextCursor = (string?)null }))
            .WithName("ListSources");
        sources.MapDelete("/{id}", async (string id, SourceStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id)).WithName("DeleteSource");
        sources.MapPost("/{id}/poll", async (string id, SourceStore store, CancellationToken ct) =>
            await store.PollNowAsync(id, ct) ? Results.Accepted() : NotFound(id)).WithName("PollSource");
        return app;
    }

    private static async Task<IResult> AddAsync(SourceRequest request, SourceStore store, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid feed URL", "'url' must be an absolute http or https URL.");
        }

        TimeSpan every;
        try
        {
            every = request.PollEvery is null ? TimeSpan.FromHours(1) : XmlConvert.ToTimeSpan(request.PollEvery);
        }
        catch (FormatException)
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
