using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Entities;

public sealed record EntitySummary(string Slug, string Name, string? Detail, int StatementCount);

/// <summary>
/// An event, organisation or person with its first page of statements and how many it made each year; a person also
/// with the roles they spoke in over time, an event with its panels.
/// </summary>
public sealed record EntityDetail(
    string Slug, string Name, string? Detail, IReadOnlyList<StatementView> Statements, string? StatementsNextCursor,
    IReadOnlyList<YearCount> StatementsByYear, IReadOnlyList<RoleSpan>? Roles, IReadOnlyList<PanelCount>? Panels);

/// <summary>How many live statements fall in a year (by the statement's date; undated ones are in no year).</summary>
public sealed record YearCount(int Year, int StatementCount);

/// <summary>A role a person spoke in, for an organisation when one is said, from the first to the last dated statement in it.</summary>
public sealed record RoleSpan(string Role, string? Organisation, DateOnly? From, DateOnly? To, int StatementCount);

/// <summary>A panel of an event and how many of its live statements were made there.</summary>
public sealed record PanelCount(string Panel, int StatementCount);

/// <summary>Reads the events, organisations and people of the catalogue, and where merged ones went.</summary>
public sealed class EntityDirectory(NpgsqlDataSource dataSource, StatementReader statements)
{
    /// <summary>One page of the entities of a kind, by slug after <paramref name="afterSlug"/>, each with its number of live statements.</summary>
    public async Task<Page<EntitySummary>> ListAsync(EntityKind kind, int limit, string? afterSlug, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT t.slug, t.name, t.{kind.DetailColumn},
                   (SELECT count(*) FROM statements s WHERE s.{kind.StatementColumn} = t.slug AND {StatementReader.IsLive})::int
            FROM {kind.Table} t WHERE (@after::text IS NULL OR t.slug > @after) ORDER BY t.slug LIMIT @limit
            """);
        command.Parameters.AddWithValue("after", (object?)afterSlug ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<EntitySummary>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new EntitySummary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3)));
        }

        var next = items.Count > limit ? Paging.Encode(items[limit - 1].Slug) : null;
        return new Page<EntitySummary>(items.Take(limit).ToList(), next);
    }

    /// <summary>The entity at <paramref name="slug"/> with its newest statements, or null when there is none.</summary>
    public async Task<EntityDetail?> FindAsync(EntityKind kind, string slug, CancellationToken cancellationToken)
    {
        string name;
        string? detail;
        await using (var command = dataSource.CreateCommand($"SELECT name, {kind.DetailColumn} FROM {kind.Table} WHERE slug = @slug"))
        {
            command.Parameters.AddWithValue("slug", slug);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            if (!await r.ReadAsync(cancellationToken))
            {
                return null;
            }

            (name, detail) = (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1));
        }

        var newest = await statements.ListAsync(kind.StatementsOf(slug), Paging.MaxLimit, null, null, cancellationToken);
        var byYear = await GroupAsync(kind, slug, "extract(year FROM s.date)::int", "1", "s.date IS NOT NULL", "1",
            r => new YearCount(r.GetInt32(0), r.GetInt32(1)), cancellationToken);
        var roles = kind != EntityKind.Person ? null : await GroupAsync(kind, slug,
            "s.speaker_role, s.organisation_slug, min(s.date), max(s.date)", "1, 2", "s.speaker_role IS NOT NULL", "3 NULLS LAST, 1, 2",
            r => new RoleSpan(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetInt32(4)),
            cancellationToken);
        var panels = kind != EntityKind.Event ? null : await GroupAsync(kind, slug, "s.panel", "1", "s.panel IS NOT NULL", "1",
            r => new PanelCount(r.GetString(0), r.GetInt32(1)), cancellationToken);
        return new EntityDetail(slug, name, detail, newest.Items, newest.NextCursor, byYear, roles, panels);
    }

    /// <summary>
    /// The entity's live statements that meet <paramref name="condition"/>, grouped: each row is the
    /// <paramref name="columns"/> selected (grouped by the positions in <paramref name="groupBy"/>), then the group's size.
    /// </summary>
    private async Task<List<T>> GroupAsync<T>(
        EntityKind kind, string slug, string columns, string groupBy, string condition, string orderBy, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {columns}, count(*)::int FROM statements s
            WHERE s.{kind.StatementColumn} = @slug AND {condition} AND {StatementReader.IsLive}
            GROUP BY {groupBy} ORDER BY {orderBy}
            """);
        command.Parameters.AddWithValue("slug", slug);
        var rows = new List<T>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            rows.Add(read(r));
        }

        return rows;
    }

    /// <summary>The slug a merged person or organisation went into, or null when it was not merged.</summary>
    public async Task<string?> MergedIntoAsync(EntityKind kind, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await MergedIntoAsync(connection, null, kind, slug, cancellationToken);
    }

    internal static async Task<string?> MergedIntoAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, EntityKind kind, string slug, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT into_slug FROM entity_merges WHERE entity_kind = @kind AND slug = @slug", connection, transaction);
        command.Parameters.AddWithValue("kind", kind.Kind);
        command.Parameters.AddWithValue("slug", slug);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
