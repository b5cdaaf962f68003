using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Statements;

/// <summary>Reads live statements as the contract shows them: one, a filtered page, an export's page, or the themes they carry.</summary>
public sealed class StatementReader(NpgsqlDataSource dataSource)
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

    /// <summary>One page of the live statements that pass the filter, newest catalogued first, before a list position.</summary>
    public async Task<Page<StatementView>> ListAsync(StatementFilter filter, int limit, DateTimeOffset? beforeAt, string? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = await QueryAsync(connection, null,
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
    public async Task<IReadOnlyList<StatementView>> AfterAsync(StatementFilter filter, string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var statements = await QueryAsync(connection, null,
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

    public async Task<StatementView?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await QueryAsync(connection, null, $"WHERE s.id = @id AND {IsLive}",
            c => c.Parameters.AddWithValue("id", id), cancellationToken);
        return found.FirstOrDefault()?.Statement;
    }

    /// <summary>Every theme live statements carry, with how many carry it.</summary>
    public async Task<IReadOnlyList<(string Theme, int StatementCount)>> ThemesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT theme, count(*)::int FROM statements s, unnest(s.themes) AS theme WHERE {IsLive} GROUP BY theme ORDER BY theme");
        var themes = new List<(string, int)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            themes.Add((r.GetString(0), r.GetInt32(1)));
        }

        return themes;
    }

    /// <summary>
    /// Statements as the contract shows them, in the order <paramref name="where"/> gives: also read inside the
    /// transactions that change them, so what is queued for subscribers is what was committed.
    /// </summary>
    internal static async Task<List<CataloguedStatement>> QueryAsync(
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
}
