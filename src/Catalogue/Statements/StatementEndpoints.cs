using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Statements;

public static class StatementEndpoints
{
    public static IEndpointRouteBuilder MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/api/catalogue/statements");
        statements.MapGet("", ListAsync)
            .Documented("ListStatements", "Statements", "Statements newest first, a page at a time, filtered by event, organisation, person, theme, GCM objective, language, kind, date range or document. Retracted statements and those of near-duplicate documents (the original's again) are not listed.")
            .Produces<Page<StatementView>>().ProducesProblems(StatusCodes.Status400BadRequest);
        statements.MapGet("/{id}", GetAsync)
            .Documented("GetStatement", "One statement", "Who said what, where and when, on which themes, with the passage of the document it comes from.")
            .Produces<StatementView>().ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? document, int? limit, string? cursor, StatementReader statements, CancellationToken cancellationToken)
    {
        if (GcmObjectiveNumbers.Unknown("gcm", gcm) is { } unknown)
        {
            return unknown;
        }

        if (!Paging.TryParsePosition(cursor, out var at, out var id))
        {
            return Paging.InvalidCursor();
        }

        var filter = new StatementFilter(@event, organisation, person, theme, gcm, language, kind, from, to, document);
        return TypedResults.Ok(await statements.ListAsync(filter, Paging.Limit(limit), at, id, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, StatementReader statements, CancellationToken cancellationToken) =>
        await statements.FindAsync(id, cancellationToken) is { } statement
            ? TypedResults.Ok(statement)
            : NotFound(id);

    internal static IResult NotFound(string id) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Statement not found", $"There is no statement '{id}'.");
}
