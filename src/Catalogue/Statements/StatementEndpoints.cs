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
        statements.MapPatch("/{id}", CorrectAsync)
            .Documented("CorrectStatement", "Correct a statement", "An editor corrects the speaker, the speaker's role, the organisation, the event, the themes or the GCM objectives; only the fields given change, and readers are told.")
            .WithRequestExample(new StatementCorrection(Speaker: "Amy Pope", SpeakerRole: "Director General, IOM", Themes: ["regular-pathways"], GcmObjectives: [5]))
            .Produces<StatementView>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        statements.MapDelete("/{id}", RetractAsync)
            .Documented("RetractStatement", "Retract a statement", "The statement leaves the catalogue and search, and its subscribers are told it was retracted.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(StatusCodes.Status404NotFound);
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
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> GetAsync(string id, CatalogueStore store, CancellationToken cancellationToken) =>
        await store.FindStatementAsync(id, cancellationToken) is { } statement
            ? TypedResults.Ok(statement)
            : NotFound(id);

    private static async Task<IResult> CorrectAsync(string id, StatementCorrection correction, CatalogueStore store, Outbox outbox, CancellationToken cancellationToken)
    {
        if (Invalid(correction) is { } problem)
        {
            return problem;
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

    // Checked before anything is written: themes are read back as slugs (a null one broke the themes list), and a
    // speaker or organisation is stored under the slug of its name, which a name without a letter or digit lacks.
    private static IResult? Invalid(StatementCorrection correction)
    {
        if (correction.GcmObjectives?.Any(n => n is < 1 or > 23) == true)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown GCM objective", "gcmObjectives holds objective numbers from 1 to 23.");
        }

        if (correction.Themes?.All(Slugs.IsSlug) == false)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid theme",
                "themes holds theme slugs: lowercase letters and digits in words joined by single hyphens, such as \"regular-pathways\" or \"covid-19\".");
        }

        foreach (var (field, name) in new[] { ("speaker", correction.Speaker), ("organisation", correction.Organisation) })
        {
            if (name is not null && !name.Any(char.IsLetterOrDigit))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, $"Invalid {field}",
                    $"{field}, when given, is a name: it cannot be blank, and has at least one letter or digit.");
            }
        }

        return null;
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
