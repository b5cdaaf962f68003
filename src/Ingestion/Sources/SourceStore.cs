using Npgsql;

namespace IdmPlatform.Ingestion.Sources;

public sealed record SourceView(string Id, string Url, string PollEvery, DateTimeOffset NextPollAt, DateTimeOffset? LastPolledAt, string? LastError, int ItemsSeen, DateTimeOffset CreatedAt);

/// <summary>RSS and Atom feeds that ingestion polls, and which of their items it has already taken.</summary>
public sealed class SourceStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, url, poll_every, next_poll_at, last_polled_at, last_error, items_seen, created_at";

    public async Task<SourceView?> AddAsync(Uri url, TimeSpan pollEvery, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO sources (id, url, poll_every) VALUES (@id, @url, @every) ON CONFLICT (url) DO NOTHING RETURNING {Columns}");
        command.Parameters.AddWithValue("id", Ids.New("src"));
        command.Parameters.AddWithValue("url", url.ToString());
        command.Parameters.AddWithValue("every", pollEvery);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<SourceView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM sources ORDER BY created_at, id");
        var sources = new List<SourceView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources.Add(Read(reader));
        }

        return sources;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM sources WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Makes a source due now; false when there is no such source.</summary>
    public async Task<bool> PollNowAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE sources SET next_poll_at = now() WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Claims the sources that are due, pushing their next poll out so no other replica takes them.</summary>
    public async Task<IReadOnlyList<(string Id, Uri Url)>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE sources SET next_poll_at = now() + poll_every
            WHERE id IN (SELECT id FROM sources WHERE next_poll_at <= now() ORDER BY next_poll_at LIMIT 10 FOR UPDATE SKIP LOCKED)
            RETURNING id, url
            """);
        var due = new List<(string, Uri)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), new Uri(reader.GetString(1))));
        }

        return due;
    }

    /// <summary>Records an item as taken; false when it was taken before.</summary>
    public async Task<bool> IsSeenAsync(string sourceId, string itemKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM source_items WHERE source_id = @id AND item_key = @key)");
        command.Parameters.AddWithValue("id", sourceId);
        command.Parameters.AddWithValue("key", itemKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> MarkSeenAsync(string sourceId, string itemKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH inserted AS (INSERT INTO source_items (source_id, item_key) VALUES (@id, @key) ON CONFLICT DO NOTHING RETURNING 1)
            UPDATE sources SET items_seen = items_seen + (SELECT count(*) FROM inserted) WHERE id = @id RETURNING (SELECT count(*) FROM inserted)
            """);
        command.Parameters.AddWithValue("id", sourceId);
        command.Parameters.AddWithValue("key", itemKey);
        return await command.ExecuteScalarAsync(cancellationToken) is long and 1;
    }

    /// <summary>Records that a poll ended, with its error or none: lastPolledAt says when a poll last finished.</summary>
    public async Task RecordPollAsync(string sourceId, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE sources SET last_polled_at = now(), last_error = @error WHERE id = @id");
        command.Parameters.AddWithValue("id", sourceId);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SourceView Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), System.Xml.XmlConvert.ToString(r.GetTimeSpan(2)), r.GetFieldValue<DateTimeOffset>(3),
        r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6),
        r.GetFieldValue<DateTimeOffset>(7));
}
