using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Statements;

/// <summary>The catalogue's system of record: documents, their statements, and the entities they name.</summary>
public sealed partial class CatalogueStore(NpgsqlDataSource dataSource)
{
    private const string StatementSelect =
        """
        SELECT s.id, s.kind, s.text, s.language, s.date,
               p.slug, p.name, s.speaker_role,
               o.slug, o.name, o.acronym,
               e.slug, e.name, s.panel, s.themes, s.gcm_objectives,
               d.id, d.title, d.source_url, s.passage_start, s.passage_end, s.catalogued_at
        FROM statements s
        JOIN documents d ON d.id = s.document_id
        LEFT JOIN people p ON p.slug = s.speaker_slug
        LEFT JOIN organisations o ON o.slug = s.organisation_slug
        LEFT JOIN events e ON e.slug = s.event_slug
        """;

    /// <summary>
    /// Whether the statement <c>s</c> is live: not retracted, and not of a near-duplicate document. A duplicate is kept
    /// as a document that says of which original, but its statements are the original's said again and are never
    /// published, so they are not listed, exported, counted or found on their own: every reader sees each quote once.
    /// </summary>
    internal const string IsLive =
        "s.retracted_at IS NULL AND NOT EXISTS (SELECT 1 FROM documents dup WHERE dup.id = s.document_id AND dup.duplicate_of IS NOT NULL)";

    /// <summary>
    /// The live statements that pass a <see cref="StatementFilter"/>: the list's and the exports' WHERE. A person or
    /// organisation filter that gives a merged slug means the entity it was merged into.
    /// </summary>
    private const string FilterClause =
        $"""
        WHERE {IsLive}
          AND (@event::text IS NULL OR s.event_slug = @event)
          AND (@organisation::text IS NULL OR s.organisation_slug = COALESCE((SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'organisation' AND m.slug = @organisation), @organisation))
          AND (@person::text IS NULL OR s.speaker_slug = COALESCE((SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'person' AND m.slug = @person), @person))
          AND (@theme::text IS NULL OR @theme = ANY(s.themes))
          AND (@gcm::int IS NULL OR @gcm = ANY(s.gcm_objectives))
          AND (@language::text IS NULL OR s.language = @language)
          AND (@kind::text IS NULL OR s.kind = @kind)
          AND (@from::date IS NULL OR s.date >= @from)
          AND (@to::date IS NULL OR s.date <= @to)
          AND (@document::text IS NULL OR s.document_id = @document)
        """;

    private const string DocumentSelect =
        """
        SELECT d.id, d.title, d.published_on, d.language, d.kind, d.source_url, d.duplicate_of, d.translation_of,
               d.themes, d.gcm_objectives, d.text, d.catalogued_at
        FROM documents d
        """;

    /// <summary>
    /// Records an ingested document and its statements and queues a DocumentCatalogued for it and one StatementsPublished
    /// with its statements, in one transaction. A redelivered event changes nothing. A duplicate of a known document publishes nothing,
    /// so subscribers are not alerted twice.
    /// </summary>
    public async Task<int> RecordAsync(DocumentIngested ingested, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await Inbox.TryBeginAsync(transaction, "catalogue-document-ingested", ingested.EventId, cancellationToken)
            || !await InsertDocumentAsync(transaction, ingested, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var organisations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in ingested.Organisations)
        {
            var slug = await UpsertOrganisationAsync(transaction, organisation.Name, organisation.Acronym, cancellationToken);
            organisations[organisation.Name] = slug;
            if (organisation.Acronym is not null)
            {
                organisations[organisation.Acronym] = slug;
            }

            await LinkAsync(transaction, ingested.DocumentId, "organisation", slug, null, cancellationToken);
        }

        async Task<string?> OrganisationSlugAsync(string? nameOrAcronym) =>
            nameOrAcronym is null ? null
            : organisations.TryGetValue(nameOrAcronym, out var known) ? known
            : organisations[nameOrAcronym] = await UpsertOrganisationAsync(transaction, nameOrAcronym, null, cancellationToken);

        var people = new Dictionary<string, (string Slug, string? Role, string? Organisation)>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in ingested.People)
        {
            var organisationSlug = await OrganisationSlugAsync(person.Organisation);
            var slug = await UpsertPersonAsync(transaction, person.Name, person.Role, organisationSlug, cancellationToken);
            people[person.Name] = (slug, person.Role, organisationSlug);
            await LinkAsync(transaction, ingested.DocumentId, "person", slug, person.Role, cancellationToken);
        }

        foreach (var catalogueEvent in ingested.Events)
        {
            await UpsertEventAsync(transaction, catalogueEvent, cancellationToken);
            await LinkAsync(transaction, ingested.DocumentId, "event", catalogueEvent.Slug, null, cancellationToken);
        }

        var firstEvent = ingested.Events.Count > 0 ? ingested.Events[0] : null;
        var statementIds = new List<string>();
        foreach (var statement in ingested.Statements)
        {
            (string Slug, string? Role, string? Organisation)? speaker = null;
            if (statement.Speaker is not null)
            {
                speaker = people.TryGetValue(statement.Speaker, out var known)
                    ? known
                    : people[statement.Speaker] = (await UpsertPersonAsync(transaction, statement.Speaker, null, null, cancellationToken), null, null);
            }

            var id = Ids.FromKey("st", $"{ingested.DocumentId}/{statement.Ordinal}");
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO statements (id, document_id, ordinal, kind, text, language, date, speaker_slug, speaker_role,
                                        organisation_slug, event_slug, panel, themes, gcm_objectives, passage_start, passage_end)
                VALUES (@id, @doc, @ordinal, @kind, @text, @language, @date, @speaker, @role,
                        @organisation, @event, @panel, @themes, @gcm, @start, @end)
                """, transaction.Connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("doc", ingested.DocumentId);
            insert.Parameters.AddWithValue("ordinal", statement.Ordinal);
            insert.Parameters.AddWithValue("kind", statement.Kind);
            insert.Parameters.AddWithValue("text", statement.Text);
            insert.Parameters.AddWithValue("language", ingested.Language);
            insert.Parameters.AddWithValue("date", (object?)ingested.PublishedOn ?? (object?)firstEvent?.StartsOn ?? DBNull.Value);
            insert.Parameters.AddWithValue("speaker", (object?)speaker?.Slug ?? DBNull.Value);
            insert.Parameters.AddWithValue("role", (object?)speaker?.Role ?? DBNull.Value);
            insert.Parameters.AddWithValue("organisation", (object?)(await OrganisationSlugAsync(statement.Organisation) ?? speaker?.Organisation) ?? DBNull.Value);
            insert.Parameters.AddWithValue("event", (object?)(statement.EventSlug ?? firstEvent?.Slug) ?? DBNull.Value);
            insert.Parameters.AddWithValue("panel", (object?)statement.Panel ?? DBNull.Value);
            insert.Parameters.AddWithValue("themes", statement.Themes.ToArray());
            insert.Parameters.AddWithValue("gcm", statement.GcmObjectives.ToArray());
            insert.Parameters.AddWithValue("start", statement.PassageStart);
            insert.Parameters.AddWithValue("end", statement.PassageEnd);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            statementIds.Add(id);
        }

        // Every new document, duplicates too (the view says of which): search indexes what the documents export holds.
        var catalogued = (await QueryDocumentsAsync(transaction.Connection!, transaction, "WHERE d.id = @id",
            c => c.Parameters.AddWithValue("id", ingested.DocumentId), cancellationToken))[0];
        await Outbox.EnqueueAsync(transaction, new DocumentCatalogued(Guid.NewGuid(), DateTimeOffset.UtcNow, catalogued), cancellationToken);

        if (ingested.DuplicateOf is null && statementIds.Count > 0)
        {
            var statements = await QueryStatementsAsync(transaction.Connection!, transaction, "WHERE s.id = ANY(@ids) ORDER BY s.ordinal",
                c => c.Parameters.AddWithValue("ids", statementIds.ToArray()), cancellationToken);
            await Outbox.EnqueueAsync(transaction,
                new StatementsPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, ingested.DocumentId, [.. statements.Select(s => s.Statement)]), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return statementIds.Count;
    }

    public async Task<Page<StatementView>> ListStatementsAsync(StatementFilter filter, int limit, DateTimeOffset? beforeAt, string? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = await QueryStatementsAsync(connection, null,
            $"""
            {FilterClause}
              AND (@at::timestamptz IS NULL OR (s.catalogued_at, s.id) < (@at, @id))
            ORDER BY s.catalogued_at DESC, s.id DESC
            LIMIT @limit
            """,
            command =>
            {
                var p = command.Parameters;
                BindFilter(p, filter);
                p.AddWithValue("at", (object?)beforeAt ?? DBNull.Value);
                p.AddWithValue("id", (object?)beforeId ?? DBNull.Value);
                p.AddWithValue("limit", limit + 1);
            },
            cancellationToken);
        var next = statements.Count > limit ? Paging.Position(statements[limit - 1].CataloguedAt, statements[limit - 1].Statement.Id) : null;
        return new Page<StatementView>(statements.Take(limit).Select(s => s.Statement).ToList(), next);
    }

    /// <summary>
    /// One page of the live statements that pass the filter, in id order after <paramref name="afterId"/>: exports walk
    /// the catalogue page by page, so neither a connection nor a transaction is held while a slow client reads.
    /// </summary>
    public async Task<IReadOnlyList<StatementView>> StatementsAfterAsync(StatementFilter filter, string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = await QueryStatementsAsync(connection, null,
            // The key bound is written only when there is one: "(@after IS NULL OR s.id > @after)" would hide the range
            // from a generic (prepared) plan, which would then scan from the first id for every page.
            $"""
            {FilterClause}
              {(afterId is null ? string.Empty : "AND s.id > @after")}
            ORDER BY s.id
            LIMIT @limit
            """,
            command =>
            {
                BindFilter(command.Parameters, filter);
                if (afterId is not null)
                {
                    command.Parameters.AddWithValue("after", afterId);
                }

                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken);
        return [.. statements.Select(s => s.Statement)];
    }

    /// <summary>One page of every catalogued document, in id order after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<DocumentView>> DocumentsAfterAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await QueryDocumentsAsync(connection, null, $"{(afterId is null ? string.Empty : "WHERE d.id > @after")} ORDER BY d.id LIMIT @limit",
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

    public async Task<StatementView?> FindStatementAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await QueryStatementsAsync(connection, null, $"WHERE s.id = @id AND {IsLive}",
            c => c.Parameters.AddWithValue("id", id), cancellationToken);
        return found.FirstOrDefault()?.Statement;
    }

    /// <summary>Retracts a statement and queues StatementRetracted; false when there is no such live statement.</summary>
    public async Task<bool> RetractAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"UPDATE statements s SET retracted_at = now() WHERE s.id = @id AND {IsLive}", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await Outbox.EnqueueAsync(transaction, new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies an editor's correction and queues StatementUpdated with the corrected statement; null when
    /// there is no such live statement. A named speaker or organisation that is new to the catalogue is created.
    /// </summary>
    public async Task<StatementView?> CorrectAsync(string id, StatementCorrection correction, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var speaker = correction.Speaker is null ? null : await UpsertPersonAsync(transaction, correction.Speaker, correction.SpeakerRole, null, cancellationToken);
        var organisation = correction.Organisation is null ? null : await UpsertOrganisationAsync(transaction, correction.Organisation, null, cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"""
            UPDATE statements s SET
                speaker_slug = COALESCE(@speaker, speaker_slug),
                speaker_role = CASE WHEN @speaker IS NULL THEN COALESCE(@role, speaker_role) ELSE @role END,
                organisation_slug = COALESCE(@organisation, organisation_slug),
                event_slug = COALESCE(@event, event_slug),
                themes = COALESCE(@themes, themes),
                gcm_objectives = COALESCE(@gcm, gcm_objectives)
            WHERE s.id = @id AND {IsLive}
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("speaker", (object?)speaker ?? DBNull.Value);
            command.Parameters.AddWithValue("role", (object?)correction.SpeakerRole ?? DBNull.Value);
            command.Parameters.AddWithValue("organisation", (object?)organisation ?? DBNull.Value);
            command.Parameters.AddWithValue("event", (object?)correction.Event ?? DBNull.Value);
            command.Parameters.Add(new NpgsqlParameter("themes", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)correction.Themes?.Distinct(StringComparer.Ordinal).ToArray() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("gcm", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)correction.GcmObjectives?.Distinct().Order().ToArray() ?? DBNull.Value });
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        var corrected = (await QueryStatementsAsync(connection, transaction, "WHERE s.id = @id", c => c.Parameters.AddWithValue("id", id), cancellationToken))[0].Statement;
        await Outbox.EnqueueAsync(transaction, new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, corrected), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return corrected;
    }

    public async Task<bool> EventExistsAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM events WHERE slug = @slug");
        command.Parameters.AddWithValue("slug", slug);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public NpgsqlDataSource DataSource => dataSource;

    private static async Task<List<CataloguedStatement>> QueryStatementsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{StatementSelect} {where}", connection, transaction);
        bind(command);
        var statements = new List<CataloguedStatement>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            statements.Add(new CataloguedStatement(new StatementView(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
                r.IsDBNull(5) ? null : new SpeakerView(r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)),
                r.IsDBNull(8) ? null : new OrganisationView(r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)),
                r.IsDBNull(11) ? null : new EventView(r.GetString(11), r.GetString(12)),
                r.IsDBNull(13) ? null : r.GetString(13),
                r.GetFieldValue<string[]>(14),
                r.GetFieldValue<int[]>(15),
                new DocumentRefView(r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17), r.IsDBNull(18) ? null : r.GetString(18)),
                new PassageView(r.GetInt32(19), r.GetInt32(20))),
                r.GetFieldValue<DateTimeOffset>(21)));
        }

        return statements;
    }

    private static void BindFilter(NpgsqlParameterCollection p, StatementFilter filter)
    {
        p.AddWithValue("event", (object?)filter.Event ?? DBNull.Value);
        p.AddWithValue("organisation", (object?)filter.Organisation ?? DBNull.Value);
        p.AddWithValue("person", (object?)filter.Person ?? DBNull.Value);
        p.AddWithValue("theme", (object?)filter.Theme ?? DBNull.Value);
        p.AddWithValue("gcm", (object?)filter.Gcm ?? DBNull.Value);
        p.AddWithValue("language", (object?)filter.Language ?? DBNull.Value);
        p.AddWithValue("kind", (object?)filter.Kind ?? DBNull.Value);
        p.AddWithValue("from", (object?)filter.From ?? DBNull.Value);
        p.AddWithValue("to", (object?)filter.To ?? DBNull.Value);
        p.AddWithValue("document", (object?)filter.DocumentId ?? DBNull.Value);
    }

    /// <summary>Documents as <see cref="DocumentView"/>s, in the order <paramref name="where"/> gives, with the entities each names.</summary>
    private static async Task<List<DocumentView>> QueryDocumentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string? Title, DateOnly? PublishedOn, string Language, string Kind, string? SourceUrl, string? DuplicateOf,
            string? TranslationOf, string[] Themes, int[] Gcm, string Text, DateTimeOffset CataloguedAt)>();
        await using (var command = new NpgsqlCommand($"{DocumentSelect} {where}", connection, transaction))
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

    private static async Task<bool> InsertDocumentAsync(NpgsqlTransaction transaction, DocumentIngested d, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO documents (id, title, published_on, language, kind, source_url, content_hash, duplicate_of, translation_of, themes, gcm_objectives, text)
            VALUES (@id, @title, @published, @language, @kind, @url, @hash, @duplicate, @translation, @themes, @gcm, @text)
            ON CONFLICT (id) DO NOTHING
            """, transaction.Connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("id", d.DocumentId);
        p.AddWithValue("title", (object?)d.Title ?? DBNull.Value);
        p.AddWithValue("published", (object?)d.PublishedOn ?? DBNull.Value);
        p.AddWithValue("language", d.Language);
        p.AddWithValue("kind", d.Kind);
        p.AddWithValue("url", (object?)d.SourceUrl ?? DBNull.Value);
        p.AddWithValue("hash", d.ContentHash);
        p.AddWithValue("duplicate", (object?)d.DuplicateOf ?? DBNull.Value);
        p.AddWithValue("translation", (object?)d.TranslationOf ?? DBNull.Value);
        p.AddWithValue("themes", d.Themes.ToArray());
        p.AddWithValue("gcm", d.GcmObjectives.ToArray());
        p.AddWithValue("text", d.Text);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<string> UpsertOrganisationAsync(NpgsqlTransaction transaction, string name, string? acronym, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(acronym ?? name);
        // A name whose slug an editor merged into another organisation is that one now: the old slug stays redirected.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO organisations (slug, name, acronym) VALUES (COALESCE((SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'organisation' AND m.slug = @slug), @slug), @name, @acronym)
            ON CONFLICT (slug) DO UPDATE SET acronym = COALESCE(organisations.acronym, EXCLUDED.acronym),
                name = CASE WHEN organisations.name = organisations.acronym THEN EXCLUDED.name ELSE organisations.name END
            RETURNING slug
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("acronym", (object?)acronym ?? DBNull.Value);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<string> UpsertPersonAsync(NpgsqlTransaction transaction, string name, string? role, string? organisationSlug, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(name);
        // Likewise a person merged into another: their name, seen again, is the other's.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO people (slug, name, role, organisation_slug) VALUES (COALESCE((SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'person' AND m.slug = @slug), @slug), @name, @role, @organisation)
            ON CONFLICT (slug) DO UPDATE SET role = COALESCE(EXCLUDED.role, people.role),
                organisation_slug = COALESCE(EXCLUDED.organisation_slug, people.organisation_slug)
            RETURNING slug
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("role", (object?)role ?? DBNull.Value);
        command.Parameters.AddWithValue("organisation", (object?)organisationSlug ?? DBNull.Value);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task UpsertEventAsync(NpgsqlTransaction transaction, EventRef e, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO events (slug, name, starts_on, ends_on) VALUES (@slug, @name, @starts, @ends)
            ON CONFLICT (slug) DO UPDATE SET starts_on = COALESCE(events.starts_on, EXCLUDED.starts_on),
                ends_on = COALESCE(events.ends_on, EXCLUDED.ends_on)
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", e.Slug);
        command.Parameters.AddWithValue("name", e.Name);
        command.Parameters.AddWithValue("starts", (object?)e.StartsOn ?? DBNull.Value);
        command.Parameters.AddWithValue("ends", (object?)e.EndsOn ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task LinkAsync(NpgsqlTransaction transaction, string documentId, string kind, string slug, string? role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO document_entities (document_id, entity_kind, slug, role) VALUES (@doc, @kind, @slug, @role) ON CONFLICT DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("doc", documentId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("role", (object?)role ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
