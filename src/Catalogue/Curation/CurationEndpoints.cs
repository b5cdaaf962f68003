using IdmPlatform.Catalogue.Entities;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Curation;

/// <summary>What editors change: a statement's corrections and retraction, and merges of people and organisations.</summary>
public static class CurationEndpoints
{
    /// <summary>An editor's merge (POST .../{slug}/merge): the slug of the one to merge into.</summary>
    public sealed record MergeRequest(string? Into);

    public static IEndpointRouteBuilder MapCurationEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/api/catalogue/statements");
        statements.MapPatch("/{id}", CorrectAsync)
            .Documented("CorrectStatement", "Correct a statement", "An editor corrects the speaker, the speaker's role, the organisation, the event, the themes or the GCM objectives; only the fields given change, and readers are told.")
            .WithRequestExample(new StatementCorrection(Speaker: "Amy Pope", SpeakerRole: "Director General, IOM", Themes: ["regular-pathways"], GcmObjectives: [5]))
            .Produces<StatementView>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        statements.MapDelete("/{id}", RetractAsync)
            .Documented("RetractStatement", "Retract a statement", "The statement leaves the catalogue and search, and its subscribers are told it was retracted.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(StatusCodes.Status404NotFound);

        foreach (var kind in EntityKind.All.Where(k => k.Mergeable))
        {
            app.MapPost($"/api/catalogue/{kind.Path}/{{slug}}/merge", (string slug, MergeRequest request, EntityMerger merger, EntityDirectory directory, Outbox outbox, CancellationToken ct) =>
                MergeAsync(kind, slug, request, merger, directory, outbox, ct))
                .Documented($"Merge{kind.Path}", $"Merge one of the {kind.Path} into another",
                    $"An editor merges the {kind.Kind} at this slug into the one named by into: its statements become the other's (readers are told, as of a correction), "
                    + "the documents that named it name the other, and the other keeps its own details, taking only those it lacks"
                    + (kind == EntityKind.Person ? " (role, organisation)" : " (acronym)")
                    + ". The old slug is then listed nowhere; its page answers 301 to the other's, and a statements filter or an ingested name that gives it means the other. "
                    + "Answers the merged entity as its GET shows it; 404 when either slug is unknown; 409 when either was already merged (the detail says into which).")
                .WithRequestExample(new MergeRequest(kind == EntityKind.Person ? "amy-pope" : "iom"))
                .Produces<EntityDetail>()
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        }

        return app;
    }

    private static async Task<IResult> CorrectAsync(string id, StatementCorrection correction, StatementCurator curator, Outbox outbox, CancellationToken cancellationToken)
    {
        if (Invalid(correction) is { } problem)
        {
            return problem;
        }

        if (correction.Event is not null && !await curator.EventExistsAsync(correction.Event, cancellationToken))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown event", $"There is no event '{correction.Event}'.");
        }

        if (await curator.CorrectAsync(id, correction, cancellationToken) is not { } corrected)
        {
            return StatementEndpoints.NotFound(id);
        }

        outbox.Wake();
        return TypedResults.Ok(corrected);
    }

    // Checked before anything is written: themes are read back as slugs (a null one broke the themes list), and a
    // speaker or organisation is stored under the slug of its name, which a name without a letter or digit lacks.
    private static IResult? Invalid(StatementCorrection correction)
    {
        if (GcmObjectiveNumbers.Unknown("gcmObjectives", correction.GcmObjectives) is { } unknown)
        {
            return unknown;
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

    private static async Task<IResult> RetractAsync(string id, StatementCurator curator, Outbox outbox, CancellationToken cancellationToken)
    {
        if (!await curator.RetractAsync(id, cancellationToken))
        {
            return StatementEndpoints.NotFound(id);
        }

        outbox.Wake();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> MergeAsync(
        EntityKind kind, string slug, MergeRequest request, EntityMerger merger, EntityDirectory directory, Outbox outbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Into))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing into",
                $"into names the slug of the {kind.Kind} to merge {slug} into, as in {{\"into\": \"another-slug\"}}.");
        }

        if (request.Into == slug)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Merge into itself", $"into must name another {kind.Kind} than {slug}.");
        }

        var result = await merger.MergeAsync(kind, slug, request.Into, cancellationToken);
        switch (result.Outcome)
        {
            case MergeOutcome.UnknownSource:
                return EntityEndpoints.NotFound(kind, slug);
            case MergeOutcome.UnknownTarget:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Not found", $"There is nothing at /{kind.Path}/{request.Into} to merge {slug} into.");
            // A conflict with what is there rather than a malformed request: the same body may have been right before.
            case MergeOutcome.SourceAlreadyMerged:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Already merged",
                    $"/{kind.Path}/{slug} was already merged into {result.MergedInto}; it answers 301 there.");
            case MergeOutcome.TargetAlreadyMerged:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Merged away",
                    $"/{kind.Path}/{request.Into} was merged into {result.MergedInto}; merge into {result.MergedInto} instead.");
        }

        outbox.Wake();
        return await directory.FindAsync(kind, request.Into, cancellationToken) is { } merged ? TypedResults.Ok(merged) : EntityEndpoints.NotFound(kind, request.Into);
    }
}
