using IdmPlatform.Contracts;
namespace IdmPlatform.Catalogue.Statements;

/// <summary>Events, organisations and people: each listed by slug, and each with its statements.</summary>
public static class EntityEndpoints
{
    public sealed record EntitySummary(string Slug, string Name, string? Detail, int StatementCount);

    /// <summary>An event, organisation or person with its first page of statements.</summary>
    public sealed record EntityDetail(string Slug, string Name, string? Detail, IReadOnlyList<StatementView> Statements, string? StatementsNextCursor);

    public sealed record ThemeCount(string Slug, int StatementCount);

    /// <summary>An editor's merge (POST .../{slug}/merge): the slug of the one to merge into.</summary>
    public sealed record MergeRequest(string? Into);

    private sealed record EntityTable(string Table, string DetailColumn, Func<string, StatementFilter> StatementsOf, MergeableEntity? Mergeable = null);

    private static readonly Dictionary<string, EntityTable> Tables = new()
    {
        ["events"] = new("events", "starts_on::text", slug => new StatementFilter(Event: slug)),
        ["organisations"] = new("organisations", "acronym", slug => new StatementFilter(Organisation: slug), MergeableEntity.Organisation),
        ["people"] = new("people", "role", slug => new StatementFilter(Person: slug), MergeableEntity.Person),
    };

    private static readonly Dictionary<string, string> StatementColumn = new()
    {
        ["events"] = "event_slug",
        ["organisations"] = "organisation_slug",
        ["people"] = "speaker_slug",
    };

    public static IEndpointRouteBuilder MapEntityEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var (path, table) in Tables)
        {
            app.MapGet($"/api/catalogue/{path}", (int? limit, string? cursor, CatalogueStore store, CancellationToken ct) =>
                ListAsync(path, table, limit, cursor, store, ct))
                .Documented($"List{path}", $"All {path}", $"The {path} of the catalogue by slug, a page at a time, each with its number of statements.")
                .Produces<Page<EntitySummary>>().ProducesProblems(StatusCodes.Status400BadRequest);
            var get = app.MapGet($"/api/catalogue/{path}/{{slug}}", (string slug, CatalogueStore store, CancellationToken ct) =>
                GetAsync(path, table, slug, store, ct))
                .Documented($"Get{path}", $"One of the {path}", table.Mergeable is null
                    ? $"One of the {path} by slug, with its newest statements."
                    : $"One of the {path} by slug, with its newest statements. A slug an editor merged into another answers 301, its Location the other's.")
                .Produces<EntityDetail>().ProducesProblems(StatusCodes.Status404NotFound);
            if (table.Mergeable is not { } mergeable)
            {
                continue;
            }

            get.Produces(StatusCodes.Status301MovedPermanently);
            app.MapPost($"/api/catalogue/{path}/{{slug}}/merge", (string slug, MergeRequest request, CatalogueStore store, Outbox outbox, CancellationToken ct) =>
                MergeAsync(path, table, mergeable, slug, request, store, outbox, ct))
                .Documented($"Merge{path}", $"Merge one of the {path} into another",
                    $"An editor merges the {mergeable.Kind} at this slug into the one named by into: its statements become the other's (readers are told, as of a correction), "
                    + "the documents that named it name the other, and the other keeps its own details, taking only those it lacks"
                    + (mergeable == MergeableEntity.Person ? " (role, organisation)" : " (acronym)")
                    + ". The old slug is then listed nowhere; its page answers 301 to the other's, and a statements filter or an ingested name that gives it means the other. "
                    + "Answers the merged entity as its GET shows it; 404 when either slug is unknown; 409 when either was already merged (the detail says into which).")
                .WithRequestExample(new MergeRequest(mergeable == MergeableEntity.Person ? "amy-pope" : "iom"))
                .Produces<EntityDetail>()
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        }

        app.MapGet("/api/catalogue/gcm-objectives", () => GcmObjectives.All)
            .Documented("ListGcmObjectives", "The GCM objectives", "The 23 objectives of the Global Compact for Migration, by number.")
            .Produces<IReadOnlyList<GcmObjectives.Objective>>();
        app.MapGet("/api/catalogue/themes", ThemesAsync)
            .Documented("ListThemes", "The themes", "Every theme statements are tagged with, and how many statements carry it.")
            .Produces<List<ThemeCount>>();
        return app;
    }

    private static async Task<IResult> ListAsync(string path, EntityTable table, int? limit, string? cursor, CatalogueStore store, CancellationToken cancellationToken)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }

        var take = Paging.Limit(limit);
        await using var command = store.DataSource.CreateCommand(
            $"""
            SELECT t.slug, t.name, t.{table.DetailColumn},
                   (SELECT count(*) FROM statements s WHERE s.{StatementColumn[path]} = t.slug AND {CatalogueStore.IsLive})::int
            FROM {table.Table} t WHERE (@after::text IS NULL OR t.slug > @after) ORDER BY t.slug LIMIT @limit
            """);
        command.Parameters.AddWithValue("after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", take + 1);
        var items = new List<EntitySummary>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new EntitySummary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3)));
        }

        var next = items.Count > take ? Paging.Encode(items[take - 1].Slug) : null;
        return TypedResults.Ok(new Page<EntitySummary>(items.Take(take).ToList(), next));
    }

    private static async Task<IResult> GetAsync(string path, EntityTable table, string slug, CatalogueStore store, CancellationToken cancellationToken)
    {
        if (await DetailAsync(table, slug, store, cancellationToken) is { } found)
        {
            return TypedResults.Ok(found);
        }

        // Only a slug that is not there is looked up among the merged, so a page that exists costs nothing more.
        if (table.Mergeable is { } mergeable && await store.MergedIntoAsync(mergeable, slug, cancellationToken) is { } into)
        {
            return TypedResults.Redirect($"/api/catalogue/{path}/{Uri.EscapeDataString(into)}", permanent: true);
        }

        return NotFoundAt(path, slug);
    }

    private static async Task<EntityDetail?> DetailAsync(EntityTable table, string slug, CatalogueStore store, CancellationToken cancellationToken)
    {
        string name;
        string? detail;
        await using (var command = store.DataSource.CreateCommand($"SELECT name, {table.DetailColumn} FROM {table.Table} WHERE slug = @slug"))
        {
            command.Parameters.AddWithValue("slug", slug);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken))
            {
                return null;
            }

            (name, detail) = (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
        }

        var statements = await store.ListStatementsAsync(table.StatementsOf(slug), Paging.MaxLimit, null, null, cancellationToken);
        return new EntityDetail(slug, name, detail, statements.Items, statements.NextCursor);
    }

    private static async Task<IResult> MergeAsync(
        string path, EntityTable table, MergeableEntity entity, string slug, MergeRequest request, CatalogueStore store, Outbox outbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Into))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing into",
                $"into names the slug of the {entity.Kind} to merge {slug} into, as in {{\"into\": \"another-slug\"}}.");
        }

        if (request.Into == slug)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Merge into itself", $"into must name another {entity.Kind} than {slug}.");
        }

        var result = await store.MergeAsync(entity, slug, request.Into, cancellationToken);
        switch (result.Outcome)
        {
            case MergeOutcome.UnknownSource:
                return NotFoundAt(path, slug);
            case MergeOutcome.UnknownTarget:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Not found", $"There is nothing at /{path}/{request.Into} to merge {slug} into.");
            // A conflict with what is there rather than a malformed request: the same body may have been right before.
            case MergeOutcome.SourceAlreadyMerged:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Already merged",
                    $"/{path}/{slug} was already merged into {result.MergedInto}; it answers 301 there.");
            case MergeOutcome.TargetAlreadyMerged:
                return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Merged away",
                    $"/{path}/{request.Into} was merged into {result.MergedInto}; merge into {result.MergedInto} instead.");
        }

        outbox.Wake();
        return await DetailAsync(table, request.Into, store, cancellationToken) is { } merged ? TypedResults.Ok(merged) : NotFoundAt(path, request.Into);
    }

    private static IResult NotFoundAt(string path, string slug) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Not found", $"There is nothing at /{path}/{slug}.");

    private static async Task<IResult> ThemesAsync(CatalogueStore store, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT theme, count(*)::int FROM statements s, unnest(s.themes) AS theme WHERE {CatalogueStore.IsLive} GROUP BY theme ORDER BY theme");
        var themes = new List<ThemeCount>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            themes.Add(new ThemeCount(r.GetString(0), r.GetInt32(1)));
        }

        return TypedResults.Ok(themes);
    }
}
