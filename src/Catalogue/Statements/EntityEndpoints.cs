using IdmPlatform.Contracts;
namespace IdmPlatform.Catalogue.Statements;

/// <summary>Events, organisations and people: each listed by slug, and each with its statements.</summary>
public static class EntityEndpoints
{
    public sealed record EntitySummary(string Slug, string Name, string? Detail, int StatementCount);

    /// <summary>An event, organisation or person with its first page of statements.</summary>
    public sealed record EntityDetail(string Slug, string Name, string? Detail, IReadOnlyList<StatementView> Statements, string? StatementsNextCursor);

    public sealed record ThemeCount(string Slug, int StatementCount);

    private sealed record EntityTable(string Table, string DetailColumn, Func<string, StatementFilter> StatementsOf);

    private static readonly Dictionary<string, EntityTable> Tables = new()
    {
        ["events"] = new("events", "starts_on::text", slug => new StatementFilter(Event: slug)),
        ["organisations"] = new("organisations", "acronym", slug => new StatementFilter(Organisation: slug)),
        ["people"] = new("people", "role", slug => new StatementFilter(Person: slug)),
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
            app.MapGet($"/api/catalogue/{path}/{{slug}}", (string slug, CatalogueStore store, CancellationToken ct) =>
                GetAsync(path, table, slug, store, ct))
                .Documented($"Get{path}", $"One of the {path}", $"One of the {path} by slug, with its newest statements.")
                .Produces<EntityDetail>().ProducesProblems(StatusCodes.Status404NotFound);
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
        await using var command = store.DataSource.CreateCommand($"SELECT name, {table.DetailColumn} FROM {table.Table} WHERE slug = @slug");
        command.Parameters.AddWithValue("slug", slug);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Not found", $"There is nothing at /{path}/{slug}.");
        }

        var (name, detail) = (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
        var statements = await store.ListStatementsAsync(table.StatementsOf(slug), Paging.MaxLimit, null, null, cancellationToken);
        return TypedResults.Ok(new EntityDetail(slug, name, detail, statements.Items, statements.NextCursor));
    }

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
