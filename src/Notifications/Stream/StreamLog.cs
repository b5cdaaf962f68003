using System.Text.Json;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Notifications.Stream;

public sealed record StreamEvent(long Seq, string Type, string StatementId, string Data);

/// <summary>
/// The ordered log streams read: appended in the same transaction that queues a statement's webhooks, so a stream
/// and a webhook never disagree, and read by sequence so a client resumes exactly where it stopped.
/// </summary>
public sealed class StreamLog(NpgsqlDataSource dataSource)
{
    /// <summary>The most events ReadAfterAsync answers at once.</summary>
    public const int PageSize = 100;

    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Appends many items in one insert, in their order: statements arrive a document, or a batch of documents, at a time.
    /// Call it last in the transaction, just before the commit: it holds the log's lock until then.
    /// </summary>
    /// <remarks>
    /// A sequence number is taken at the insert but seen at the commit, so two appending transactions (two batches,
    /// a retraction, another replica) could commit out of order, and a reader past the later one's numbers would never
    /// read the earlier one's. The lock, held to the commit, makes appenders take their numbers one commit after another:
    /// whatever a reader sees, every smaller number is already committed (or rolled back, a gap for good). Simpler than
    /// having readers stop short of the oldest open transaction, and appends are one short insert each.
    /// </remarks>
    public static async Task AppendAsync(NpgsqlTransaction transaction, string type, IReadOnlyList<(string StatementId, object Data)> items, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext('stream_events'));
            INSERT INTO stream_events (event_type, statement_id, data)
            SELECT @type, item.statement_id, item.data FROM unnest(@statements, @data) WITH ORDINALITY AS item(statement_id, data, n) ORDER BY item.n
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("statements", items.Select(i => i.StatementId).ToArray());
        command.Parameters.AddWithValue("data", items.Select(i => JsonSerializer.Serialize(i.Data, JsonSerializerOptions.Web)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes every open stream of this replica; streams of other replicas find the event on their next poll.</summary>
    public void Appended() => Interlocked.Exchange(ref _appended, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Volatile.Read(ref _appended).Task.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    public async Task<long> LatestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT COALESCE(max(seq), 0) FROM stream_events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The newest published statements, newest first, with when each was published here: up to limit of them that
    /// match, looking back over at most lookBack events. A statement since retracted is left out.
    /// </summary>
    public async Task<IReadOnlyList<(StatementView Statement, DateTimeOffset PublishedAt)>> NewestPublishedAsync(
        Func<StatementView, bool> wanted, int limit, int lookBack, CancellationToken cancellationToken)
    {
        const int Page = 500;
        var found = new List<(StatementView, DateTimeOffset)>();
        var before = long.MaxValue;
        for (var scanned = 0; scanned < lookBack && found.Count < limit; scanned += Page)
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT e.seq, e.data, e.created_at FROM stream_events e
                WHERE e.event_type = 'statement.published' AND e.seq < @before
                  AND NOT EXISTS (SELECT 1 FROM known_statements k WHERE k.statement_id = e.statement_id AND k.retracted_at IS NOT NULL)
                ORDER BY e.seq DESC LIMIT @page
                """);
            command.Parameters.AddWithValue("before", before);
            command.Parameters.AddWithValue("page", Page);
            var read = 0;
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken) && found.Count < limit)
            {
                (before, read) = (r.GetInt64(0), read + 1);
                var statement = JsonSerializer.Deserialize<StatementView>(r.GetString(1), JsonSerializerOptions.Web)!;
                if (wanted(statement))
                {
                    found.Add((statement, r.GetFieldValue<DateTimeOffset>(2)));
                }
            }

            if (read < Page)
            {
                break;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<StreamEvent>> ReadAfterAsync(long after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT seq, event_type, statement_id, data FROM stream_events WHERE seq > @after ORDER BY seq LIMIT @page");
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("page", PageSize);
        var events = new List<StreamEvent>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(new StreamEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        return events;
    }
}
