using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Documents;

public sealed record DocumentSummary(string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string? DuplicateOf);

/// <summary>A person the document names, with the slug of the organisation they speak for in it (null when none is said).</summary>
public sealed record DocumentPerson(string Slug, string Name, string? Role, string? Organisation);

/// <summary>A document as the contract shows it: metadata, who and what it names, its statements and clean text.</summary>
public sealed record DocumentDetail(
    string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string ContentHash, string? DuplicateOf,
    string? TranslationOf, IReadOnlyList<EventView> Events, IReadOnlyList<OrganisationView> Organisations, IReadOnlyList<DocumentPerson> People,
    IReadOnlyList<string> Themes, IReadOnlyList<int> GcmObjectives, IReadOnlyList<StatementView> Statements, string Text);

/// <summary>Reads catalogued documents: the list, one with all it holds, and the pages of the documents export.</summary>
public sealed class DocumentReader(NpgsqlDataSource dataSource, StatementReader statements)
{
    private const string ViewSelect =
        """
        SELECT d.id, d.title, d.published_on, d.language, d.kind, d.source_url, d.duplicate_of, d.translation_of,
               d.themes, d.gcm_objectives, d.text, d.catalogued_at
        FROM documents d
        """;

    private sealed record EntityRef(string Kind, string Slug, string Name, string? Role, string? Organisation);

    /// <summary>One page of the documents, newest catalogued first, before a list position.</summary>
    public async Task<Page<DocumentSummary>> ListAsync(int limit, DateTimeOffset? beforeAt, string? beforeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, title, published_on, language, kind, source_url, duplicate_of, catalogued_at FROM documents
            WHERE (@at::timestamptz IS NULL OR (catalogued_at, id) < (@at, @id))
            ORDER BY catalogued_at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("at", (object?)beforeAt ?? DBNull.Value);
        command.Parameters.AddWithValue("id", (object?)beforeId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        var rows = new List<(DocumentSummary Summary, DateTimeOffset At)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            rows.Add((ReadSummary(r), r.GetFieldValue<DateTimeOffset>(7)));
        }

        var next = rows.Count > limit ? Paging.Position(rows[limit - 1].At, rows[limit - 1].Summary.Id) : null;
        return new Page<DocumentSummary>(rows.Take(limit).Select(x => x.Summary).ToList(), next);
    }

    /// <summary>The document with <paramref name="id"/>, with what it names and its live statements in text order; null when there is none.</summary>
    public async Task<DocumentDetail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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
                return null;
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

        var said = await statements.ListAsync(new StatementFilter(DocumentId: id), Paging.MaxLimit * 10, null, null, cancellationToken);
        return new DocumentDetail(
            summary.Id, summary.Title, summary.PublishedOn, summary.Language, summary.Kind, summary.SourceUrl, contentHash, summary.DuplicateOf, translationOf,
            [.. entities.Where(e => e.Kind == "event").Select(e => new EventView(e.Slug, e.Name))],
            [.. entities.Where(e => e.Kind == "organisation").Select(e => new OrganisationView(e.Slug, e.Name, e.Role))],
            [.. entities.Where(e => e.Kind == "person").Select(e => new DocumentPerson(e.Slug, e.Name, e.Role, e.Organisation))],
            themes, gcm, [.. said.Items.OrderBy(s => s.Passage.Start)], text);
    }

    /// <summary>One page of every catalogued document, in id order after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<DocumentView>> AfterAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await QueryViewsAsync(connection, null, $"{(afterId is null ? string.Empty : "WHERE d.id > @after")} ORDER BY d.id LIMIT @limit",
            command =>
            {
                if (afterId is not null)
                {
                    command.Parameters.AddWithValue("after", afterId);
                }

                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken);
    }

    /// <summary>
    /// Documents as <see cref="DocumentView"/>s, in the order <paramref name="where"/> gives, with the entities each
    /// names: also read inside the transactions that change them, so what is queued is what was committed.
    /// </summary>
    internal static async Task<List<DocumentView>> QueryViewsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string? DuplicateOf,
            string? TranslationOf, string[] Themes, int[] Gcm, string Text, DateTimeOffset CataloguedAt)>();
        await using (var command = new NpgsqlCommand($"{ViewSelect} {where}", connection, transaction))
        {
            bind(command);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2),
                    r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<string[]>(8), r.GetFieldValue<int[]>(9), r.GetString(10),
                    r.GetFieldValue<DateTimeOffset>(11)));
            }
        }

        // The entities of the whole page in one query, rather than one per document.
        var entities = new List<(string DocumentId, string Kind, string Slug, string Name, string? Detail)>();
        if (rows.Count > 0)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT l.document_id, l.entity_kind, l.slug, COALESCE(o.name, p.name, e.name), COALESCE(l.role, o.acronym)
                FROM document_entities l
                LEFT JOIN organisations o ON l.entity_kind = 'organisation' AND o.slug = l.slug
                LEFT JOIN people p ON l.entity_kind = 'person' AND p.slug = l.slug
                LEFT JOIN events e ON l.entity_kind = 'event' AND e.slug = l.slug
                WHERE l.document_id = ANY(@ids) ORDER BY l.document_id, l.entity_kind, l.slug
                """, connection, transaction);
            command.Parameters.AddWithValue("ids", rows.Select(d => d.Id).ToArray());
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                entities.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
            }
        }

        var named = entities.ToLookup(e => e.DocumentId, StringComparer.Ordinal);
        return [.. rows.Select(d => new DocumentView(
            d.Id, d.Title, d.PublishedOn, d.Language, d.Kind, d.SourceUrl, d.DuplicateOf, d.TranslationOf,
            [.. named[d.Id].Where(e => e.Kind == "event").Select(e => new EventView(e.Slug, e.Name))],
            [.. named[d.Id].Where(e => e.Kind == "organisation").Select(e => new OrganisationView(e.Slug, e.Name, e.Detail))],
            [.. named[d.Id].Where(e => e.Kind == "person").Select(e => new SpeakerView(e.Slug, e.Name, e.Detail))],
            d.Themes, d.Gcm, d.Text, d.CataloguedAt))];
    }

    private static DocumentSummary ReadSummary(NpgsqlDataReader r) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2),
        r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
