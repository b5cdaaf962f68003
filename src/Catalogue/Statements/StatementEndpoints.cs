namespace IdmPlatform.Catalogue.Statements;

public static class StatementEndpoints
{
    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/api/catalogue/statements");
        statements.MapGet("", ListAsync).WithName("ListStatements").WithSummary("Statements, newest first, with filters.");
        statements.MapGet("/{id}", GetAsync).WithName("GetStatement");
        statements.MapPatch("/{id}", CorrectAsync).WithName("CorrectStatement").WithSummary("Correct a statement's speaker, organisation, event, themes or objectives.");
        statements.MapDelete("/{id}", RetractAsync).WithName("RetractStatement").WithSummary("Retract a statement: it leaves search and stops alerts.");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? document, int? limit, string? cursor, CatalogueStore store, CancellationToken cancellationToken)
    {
        if (gcm is < 1 or > 23)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown GCM objective", "gcm must be an objective number from 1 to 23.");
        }

        if (!Paging.TryParsePosition(cursor, out var at, out var id))
        {
            return Paging.InvalidCursor();
        }

        var filter = new StatementFilter(@event, organisation, person, theme, gcm, language, kind, from, to, document);
        var page = await store.ListStatementsAsync(filter, Paging.Limit(limit), at, id, cancellationToken);
        return TypedResults.Ok(new { items = page.Items, nextCursor = page.NextCursor });
    }

    private static async Task<IResult> GetAsync(string id, CatalogueStore store, CancellationToken cancellationToken) =>
        await store.FindStatementAsync(id, cancellationToken) is { } statement
            ? TypedResults.Ok(statement)
            : NotFound(id);

    private static async Task<IResult> CorrectAsync(string id, StatementCorrection correction, CatalogueStore store, Outbox outbox, CancellationToken cancellationToken)
    {
        if (correction.GcmObjectives?.Any(n => n is < 1 or > 23) == true)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown GCM objective", "gcmObjectives holds objective numbers from 1 to 23.");
        }

        if (correction.Event is not null && !await store.EventExistsAsync(correction.Event, cancellationToken))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown event", $"There is no event '{correction.Event}'.");
        }

        if (await store.CorrectAsync(id, correction, cancellationToken) is not { } corrected)
        {
            return NotFound(id);
        }

        outbox.Wake();
        return TypedResults.Ok(corrected);
    }

    private static async Task<IResult> RetractAsync(string id, CatalogueStore store, Outbox outbox, CancellationToken cancellationToken)
    {
        if (!await store.RetractAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        outbox.Wake();
        return TypedResults.NoContent();
    }

    private static IResult NotFound(string id) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Statement not found", $"There is no statement '{id}'.");
}
