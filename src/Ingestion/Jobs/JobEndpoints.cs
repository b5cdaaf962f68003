namespace IdmPlatform.Ingestion.Jobs;

public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/ingestion/jobs");
        jobs.MapGet("/{jobId}", GetAsync)
            .Documented("GetJob", "One job", "A submitted document's job: its status, the stage it reached, its error if it failed, and the document and statement count it made.")
            .Produces<JobView>().ProducesProblems(StatusCodes.Status404NotFound);
        jobs.MapGet("", ListAsync)
            .Documented("ListJobs", "Recent jobs", "Jobs newest first, a page at a time; filter by status (queued, processing, completed, failed, duplicate).")
            .Produces<Page<JobView>>().ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(string jobId, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(jobId, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Job not found", $"There is no job '{jobId}'.");

    private static async Task<IResult> ListAsync(string? status, int? limit, string? cursor, JobStore jobs, CancellationToken cancellationToken)
    {
        if (status is not null && !JobStatus.All.Contains(status))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown status",
                $"status must be one of: {string.Join(", ", JobStatus.All)}.");
        }

        if (!Paging.TryParsePosition(cursor, out var at, out var id))
        {
            return Paging.InvalidCursor();
        }

        var page = await jobs.ListAsync(status, Paging.Limit(limit), at, id, cancellationToken);
        return TypedResults.Ok(page);
    }
}
