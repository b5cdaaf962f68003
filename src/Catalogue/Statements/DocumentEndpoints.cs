using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Statements;

public static class DocumentEndpoints
{
    public sealed record DocumentSummary(string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string? DuplicateOf);

    public sealed record EntityRef(string Kind, string Slug, string Name, string? Role, string? Organisation);

    /// <summary>A person the document names, with the slug of the organisation they speak for in it (null when none is said).</summary>
    public sealed record DocumentPerson(string Slug, string Name, string? Role, string? Organisation);

    /// <summary>A document as the contract shows it: metadata, who and what it names, its statements and clean text.</summary>
    public sealed record DocumentDetail(
        string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string ContentHash, string? DuplicateOf,
        string? TranslationOf, IReadOnlyList<EventView> Events, IReadOnlyList<OrganisationView> Organisations, IReadOnlyList<DocumentPerson> People,
        IReadOnlyList<string> Themes, IReadOnlyList<int> GcmObjectives, IReadOnlyList<StatementView> Statements, string Text);

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/catalogue/documents");
        documents.MapGet("", ListAsync)
            .Documented("ListDocuments", "Documents", "Catalogued documents, newest first, a page at a time.")
            .Produces<Page<DocumentSummary>>().ProducesProblems(StatusCodes.Status400BadRequest);
        documents.MapGet("/{id}", GetAsync)
            .Documented("GetDocument", "One document", "A document with its metadata, the events, organisations and people it names, its statements and the clean text their passages point into. A near-duplicate says of which document (duplicateOf) and lists no statements: its statements are the original's.")
            .Produces<DocumentDetail>().ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(int? limit, string? cursor, CatalogueStore store, CancellationToken cancellationToken)
    {
        if (!Paging.TryParsePosition(cursor, out var at, out var afterId))
        {
            return Paging.InvalidCursor();
        }

        var take = Paging.Limit(limit);
        await using var command = store.DataSource.CreateCommand(
            """
            SELECT id, title, published_on, language, kind, source_url, duplicate_of, catalogued_at FROM documents
            WHERE (@at::timestamptz IS NULL OR (catalogued_at, id) < (@at, @id))
            ORDER BY catalogued_at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("at", (object?)at ?? DBNull.Value);
        command.Parameters.AddWithValue("id", (object?)afterId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", take + 1);
        var rows = new List<(DocumentSummary Summary, DateTimeOffset At)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            rows.Add((ReadSummary(r), r.GetFieldValue<DateTimeOffset>(7)));
        }

        var next = rows.Count > take ? Paging.Position(rows[take - 1].At, rows[take - 1].Summary.Id) : null;
        return TypedResults.Ok(new Page<DocumentSummary>(rows.Take(take).Select(x => x.Summary).ToList(), next));
    }

    private static async Task<IResult> GetAsync(string id, CatalogueStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        DocumentSummary summary;
        string text;
        string contentHash;
        string? translationOf;
        string[] themes;
        int[] gcm;
        await using (var command = new NpgsqlCommand(
            """
            SELECT id, title, published_on, language, kind, source_url, duplicate_of, content_hash, translation_of, themes, gcm_objectives, text
            FROM documents WHERE id = @id
            """, connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Document not found", $"There is no document '{id}'.");
            }

            summary = ReadSummary(r);
            contentHash = r.GetString(7);
            translationOf = r.IsDBNull(8) ? null : r.GetString(8);
            themes = r.GetFieldValue<string[]>(9);
            gcm = r.GetFieldValue<int[]>(10);
            text = r.GetString(11);
        }

        // Whom a person speaks for here is what this document's statements say, an editor's correction included, not the
        // organisation last seen with them anywhere; when they say several, the first statement decides.
        var entities = new List<EntityRef>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT l.entity_kind, l.slug, COALESCE(o.name, p.name, e.name), COALESCE(l.role, o.acronym),
                   (SELECT s.organisation_slug FROM statements s
                    WHERE l.entity_kind = 'person' AND s.document_id = l.document_id AND s.speaker_slug = l.slug
                      AND s.retracted_at IS NULL AND s.organisation_slug IS NOT NULL
                    ORDER BY s.ordinal LIMIT 1)
            FROM document_entities l
            LEFT JOIN organisations o ON l.entity_kind = 'organisation' AND o.slug = l.slug
            LEFT JOIN people p ON l.entity_kind = 'person' AND p.slug = l.slug
            LEFT JOIN events e ON l.entity_kind = 'event' AND e.slug = l.slug
            WHERE l.document_id = @id ORDER BY l.entity_kind, l.slug
            """, connection))
        {
            command.Parameters.AddWithValue("id", id);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                entities.Add(new EntityRef(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
            }
        }

        var statements = await store.ListStatementsAsync(new StatementFilter(DocumentId: id), Paging.MaxLimit * 10, null, null, cancellationToken);
        return TypedResults.Ok(new DocumentDetail(
            summary.Id, summary.Title, summary.PublishedOn, summary.Language, summary.Kind, summary.SourceUrl, contentHash, summary.DuplicateOf, translationOf,
            [.. entities.Where(e => e.Kind == "event").Select(e => new EventView(e.Slug, e.Name))],
            [.. entities.Where(e => e.Kind == "organisation").Select(e => new OrganisationView(e.Slug, e.Name, e.Role))],
            [.. entities.Where(e => e.Kind == "person").Select(e => new DocumentPerson(e.Slug, e.Name, e.Role, e.Organisation))],
            themes, gcm, [.. statements.Items.OrderBy(s => s.Passage.Start)], text));
    }

    private static DocumentSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2),
        r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
