using System.Diagnostics;
using IdmPlatform.Contracts;
using IdmPlatform.Search.Glossary;
using Npgsql;

namespace IdmPlatform.Search.Index;

public sealed record SearchHit(
    string Id, string Type, double Score, string Snippet, NamedRef? Speaker, NamedRef? Organisation, NamedRef? Event,
    DateOnly? Date, string? Title, string? Url, string Language)
{
    /// <summary>When the index last took this statement in (published or corrected): a feed entry's "updated".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset IndexedAt { get; init; }
}

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchResult(int Total, long TookMs, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, string? NextCursor);

public sealed record SearchQuery(
    string? Q, string? Event, string? Organisation, string? Person, string? Theme, int? Gcm, string? Language, string? Kind,
    DateOnly? From, DateOnly? To, bool SortByDate, IReadOnlyList<string> Facets, int Limit, int Offset);

/// <summary>The search read model: fed only by catalogue events, queried with PostgreSQL full-text search.</summary>
public sealed class SearchIndex(NpgsqlDataSource dataSource, QueryGlossary glossary)
{
    public static readonly IReadOnlyDictionary<string, string> FacetColumns = new Dictionary<string, string>
    {
        ["theme"] = "unnest(themes)",
        ["organisation"] = "organisation_slug",
        ["person"] = "speaker_slug",
        ["event"] = "event_slug",
        ["gcm"] = "unnest(gcm_objectives)::text",
        ["language"] = "language",
        ["year"] = "extract(year FROM date)::int::text",
    };

    private static readonly Dictionary<string, string> FacetLabels = new Dictionary<string, string>
    {
        ["organisation"] = "max(organisation_name)",
        ["person"] = "max(speaker_name)",
        ["event"] = "max(event_name)",
    };

    // A query is read in each of the platform's languages at once, so English words find English
    // statements stemmed in English and French words French ones; 'simple' catches names.
    private const string QueryExpression =
        """
        (websearch_to_tsquery('english', idm_unaccent(@q)) || websearch_to_tsquery('french', idm_unaccent(@q))
         || websearch_to_tsquery('spanish', idm_unaccent(@q)) || websearch_to_tsquery('simple', idm_unaccent(@q)))
        """;

    private const string Filters =
        """
        (@q::text IS NULL OR document @@ query)
          AND (@event::text IS NULL OR event_slug = @event)
          AND (@organisation::text IS NULL OR organisation_slug = @organisation)
          AND (@person::text IS NULL OR speaker_slug = @person)
          AND (@theme::text IS NULL OR @theme = ANY(themes))
          AND (@gcm::int IS NULL OR @gcm = ANY(gcm_objectives))
          AND (@language::text IS NULL OR language = @language)
          AND (@kind::text IS NULL OR kind = @kind)
          AND (@from::date IS NULL OR date >= @from)
          AND (@to::date IS NULL OR date <= @to)
        """;

    public async Task UpsertAsync(Guid eventId, StatementView s, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Inbox.TryBeginAsync(transaction, "search-statements", eventId, cancellationToken))
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO statements (id, kind, text, language, date, speaker_slug, speaker_name, organisation_slug, organisation_name,
                                        event_slug, event_name, themes, gcm_objectives, document_id, title, url)
                SELECT @id, @kind, @text, @language, @date, @speaker, @speakerName, @organisation, @organisationName,
                       @event, @eventName, @themes, @gcm, @document, @title, @url
                -- A retraction wins over any update handled after it (retried, redelivered or out of order).
                WHERE NOT EXISTS (SELECT 1 FROM retracted_statements WHERE id = @id)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, text = EXCLUDED.text, language = EXCLUDED.language, date = EXCLUDED.date,
                    speaker_slug = EXCLUDED.speaker_slug, speaker_name = EXCLUDED.speaker_name,
                    organisation_slug = EXCLUDED.organisation_slug, organisation_name = EXCLUDED.organisation_name,
                    event_slug = EXCLUDED.event_slug, event_name = EXCLUDED.event_name, themes = EXCLUDED.themes,
                    gcm_objectives = EXCLUDED.gcm_objectives, title = EXCLUDED.title, url = EXCLUDED.url, indexed_at = now()
                """, connection, transaction);
            var p = command.Parameters;
            p.AddWithValue("id", s.Id);
            p.AddWithValue("kind", s.Kind);
            p.AddWithValue("text", s.Text);
            p.AddWithValue("language", s.Language);
            p.AddWithValue("date", (object?)s.Date ?? DBNull.Value);
            p.AddWithValue("speaker", (object?)s.Speaker?.Slug ?? DBNull.Value);
            p.AddWithValue("speakerName", (object?)s.Speaker?.Name ?? DBNull.Value);
            p.AddWithValue("organisation", (object?)s.Organisation?.Slug ?? DBNull.Value);
            p.AddWithValue("organisationName", (object?)s.Organisation?.Name ?? DBNull.Value);
            p.AddWithValue("event", (object?)s.Event?.Slug ?? DBNull.Value);
            p.AddWithValue("eventName", (object?)s.Event?.Name ?? DBNull.Value);
            p.AddWithValue("themes", s.Themes.ToArray());
            p.AddWithValue("gcm", s.GcmObjectives.ToArray());
            p.AddWithValue("document", s.Document.Id);
            p.AddWithValue("title", (object?)s.Document.Title ?? DBNull.Value);
            p.AddWithValue("url", (object?)s.Document.SourceUrl ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes the statement and remembers that it was retracted, so no later update brings it back.</summary>
    public async Task RemoveAsync(string statementId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH tombstone AS (INSERT INTO retracted_statements (id) VALUES (@id) ON CONFLICT DO NOTHING)
            DELETE FROM statements WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", statementId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public sealed record Suggestion(string Type, string Value, string Label);

    /// <summary>People, organisations, events and themes whose names (or a word of them) start with the prefix.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH names AS (
                SELECT DISTINCT 'person' AS type, speaker_slug AS value, speaker_name AS label FROM statements WHERE speaker_slug IS NOT NULL
                UNION SELECT DISTINCT 'organisation', organisation_slug, organisation_name FROM statements WHERE organisation_slug IS NOT NULL
                UNION SELECT DISTINCT 'event', event_slug, event_name FROM statements WHERE event_slug IS NOT NULL
                UNION SELECT DISTINCT 'theme', theme, theme FROM statements, unnest(themes) AS theme)
            SELECT type, value, label FROM names
            WHERE idm_unaccent(lower(label)) LIKE @prefix || '%' OR idm_unaccent(lower(label)) LIKE '% ' || @prefix || '%'
               OR value LIKE @prefix || '%'
            ORDER BY (idm_unaccent(lower(label)) LIKE @prefix || '%') DESC, label LIMIT @limit
            """);
        command.Parameters.AddWithValue("prefix", Fold(prefix));
        command.Parameters.AddWithValue("limit", limit);
        var suggestions = new List<Suggestion>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            suggestions.Add(new Suggestion(r.GetString(0), r.GetString(1), r.GetString(2)));
        }

        return suggestions;
    }

    private static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && c is not ('%' or '_' or '\\'))
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        // A notion named in one language is searched in all three (the glossary): once, for the hits, count and facets.
        query = query with { Q = query.Q is null ? null : glossary.Expand(query.Q) };
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var hits = new List<SearchHit>();
        var total = 0;
        await using (var command = new NpgsqlCommand(
            $"""
            WITH q AS (SELECT CASE WHEN @q::text IS NULL THEN NULL ELSE {QueryExpression} END AS query)
            SELECT id, kind, language, date, speaker_slug, speaker_name, organisation_slug, organisation_name, event_slug, event_name,
                   title, url, count(*) OVER ()::int,
                   CASE WHEN @q::text IS NULL THEN 0 ELSE ts_rank_cd(document, query) END AS score,
                   CASE WHEN @q::text IS NULL THEN left(escaped, 300)
                        ELSE ts_headline(idm_text_config(language), escaped, query,
                                         'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
                   END,
                   indexed_at
            FROM statements, q,
                 LATERAL (SELECT replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS escaped) e
            WHERE {Filters}
            ORDER BY {(query.SortByDate || query.Q is null ? "date DESC NULLS LAST, id" : "score DESC, date DESC NULLS LAST, id")}
            LIMIT @limit OFFSET @offset
            """, connection))
        {
            Bind(command, query);
            command.Parameters.AddWithValue("limit", query.Limit);
            command.Parameters.AddWithValue("offset", query.Offset);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                total = r.GetInt32(12);
                hits.Add(new SearchHit(
                    r.GetString(0), "statement", Math.Round(r.GetFloat(13), 4), r.GetString(14),
                    Ref(r, 4), Ref(r, 6), Ref(r, 8),
                    r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3),
                    r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11), r.GetString(2))
                {
                    IndexedAt = r.GetFieldValue<DateTimeOffset>(15),
                });
            }
        }

        if (hits.Count == 0 && query.Offset > 0)
        {
            total = await CountAsync(connection, query, cancellationToken);
        }

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var facet in query.Facets)
        {
            facets[facet] = await FacetAsync(connection, query, facet, cancellationToken);
        }

        var next = query.Offset + hits.Count < total ? Paging.Encode((query.Offset + hits.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return new SearchResult(total, clock.ElapsedMilliseconds, hits, facets, next);
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"WITH q AS (SELECT CASE WHEN @q::text IS NULL THEN NULL ELSE {QueryExpression} END AS query) SELECT count(*)::int FROM statements, q WHERE {Filters}",
            connection);
        Bind(command, query);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<FacetValue>> FacetAsync(NpgsqlConnection connection, SearchQuery query, string facet, CancellationToken cancellationToken)
    {
        var label = FacetLabels.TryGetValue(facet, out var l) ? l : "NULL";
        await using var command = new NpgsqlCommand(
            $"""
            WITH q AS (SELECT CASE WHEN @q::text IS NULL THEN NULL ELSE {QueryExpression} END AS query),
                 matched AS (SELECT * FROM statements, q WHERE {Filters}),
                 valued AS (SELECT {FacetColumns[facet]} AS value, * FROM matched)
            SELECT value, {label}, count(*)::int FROM valued WHERE value IS NOT NULL
            GROUP BY value ORDER BY count(*) DESC, value LIMIT 20
            """, connection);
        Bind(command, query);
        var values = new List<FacetValue>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            values.Add(new FacetValue(r.GetString(0), r.IsDBNull(1) ? r.GetString(0) : r.GetString(1), r.GetInt32(2)));
        }

        return values;
    }

    private static void Bind(NpgsqlCommand command, SearchQuery query)
    {
        var p = command.Parameters;
        p.AddWithValue("q", (object?)query.Q ?? DBNull.Value);
        p.AddWithValue("event", (object?)query.Event ?? DBNull.Value);
        p.AddWithValue("organisation", (object?)query.Organisation ?? DBNull.Value);
        p.AddWithValue("person", (object?)query.Person ?? DBNull.Value);
        p.AddWithValue("theme", (object?)query.Theme ?? DBNull.Value);
        p.AddWithValue("gcm", (object?)query.Gcm ?? DBNull.Value);
        p.AddWithValue("language", (object?)query.Language ?? DBNull.Value);
        p.AddWithValue("kind", (object?)query.Kind ?? DBNull.Value);
        p.AddWithValue("from", (object?)query.From ?? DBNull.Value);
        p.AddWithValue("to", (object?)query.To ?? DBNull.Value);
    }

    private static NamedRef? Ref(NpgsqlDataReader r, int slugColumn) =>
        r.IsDBNull(slugColumn) ? null : new NamedRef(r.GetString(slugColumn), r.IsDBNull(slugColumn + 1) ? r.GetString(slugColumn) : r.GetString(slugColumn + 1));
}
