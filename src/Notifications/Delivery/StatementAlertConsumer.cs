using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;
using MassTransit;
using Npgsql;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Matches each published or retracted statement against the subscriptions and queues their deliveries, and keeps the
/// copy of each corrected statement that feeds and streams read current. Published and corrected statements come in
/// batches of events, taken in one transaction, so a catalogue loading a backlog (or a merge moving many statements)
/// costs a commit per batch rather than per document.
/// </summary>
public sealed class StatementAlertConsumer(SubscriptionStore store, DeliveryQueue queue, StreamLog stream) :
    IConsumer<Batch<StatementsPublished>>, IConsumer<Batch<StatementUpdated>>, IConsumer<StatementRetracted>
{
    public const string Published = "statement.published";
    public const string Retracted = "statement.retracted";

    public async Task Consume(ConsumeContext<Batch<StatementsPublished>> context)
    {
        var cancellationToken = context.CancellationToken;
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var statements = (await NotHandledYetAsync(transaction, $"notifications-{Published}", context.Message, cancellationToken))
            .SelectMany(published => published.Statements).ToList();

        // A statement whose retraction was handled first (a backlog, a retry, a replayed error queue) is not alerted;
        // one whose correction was handled first is alerted, matched and logged as corrected.
        var known = await RecordAsync(transaction, [.. statements.Select(s => s.Id)], retract: false, cancellationToken);
        await QueueAsync(transaction, Published,
            [.. statements.Where(s => !known[s.Id].Retracted)
                .Select(s => known[s.Id].Corrected is { } corrected ? JsonSerializer.Deserialize<StatementView>(corrected, JsonSerializerOptions.Web)! : s)
                .Select(statement => new Alert(statement.Id, statement, s => s.Filter.Matches(statement)))],
            cancellationToken);
    }

    /// <summary>
    /// Replaces the logged copy of each corrected statement, which the subscriptions' feeds match and show and a stream
    /// resumed from before it sends: a corrected speaker, or a merged person's new slug, is what they see. A correction
    /// is not a new statement: nobody is alerted, and open streams are sent nothing.
    /// </summary>
    public async Task Consume(ConsumeContext<Batch<StatementUpdated>> context)
    {
        var cancellationToken = context.CancellationToken;
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var corrections = await NotHandledYetAsync(transaction, "notifications-statement.updated", context.Message, cancellationToken);
        var newest = corrections.GroupBy(c => c.Statement.Id).Select(g => g.MaxBy(c => c.OccurredAt)!).ToList();
        if (newest.Count > 0)
        {
            await CorrectAsync(transaction, newest, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task Consume(ConsumeContext<StatementRetracted> context)
    {
        var (statementId, cancellationToken) = (context.Message.StatementId, context.CancellationToken);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        List<Alert> alerts = [];
        if (await Inbox.TryBeginAsync(transaction, $"notifications-{Retracted}", context.Message.EventId, cancellationToken))
        {
            await RecordAsync(transaction, [statementId], retract: true, cancellationToken);
            // Only those who were told of the statement hear of its retraction. Read after the record above, which waited
            // for a publication of the statement being handled at the same time, so its deliveries are seen. An
            // announcement not sent yet (one waiting for a digest) is withdrawn instead: nothing to announce, nothing to
            // take back.
            await WithdrawUnsentAnnouncementsAsync(transaction, statementId, cancellationToken);
            var told = await SubscribersToldOfAsync(transaction, statementId, cancellationToken);
            alerts.Add(new Alert(statementId, new { id = statementId }, s => told.Contains(s.Id)));
        }

        await QueueAsync(transaction, Retracted, alerts, cancellationToken);
    }

    /// <summary>The batch's events this consumer has not handled before, each recorded as handled in the transaction.</summary>
    private static async Task<List<T>> NotHandledYetAsync<T>(NpgsqlTransaction transaction, string consumer, Batch<T> batch, CancellationToken cancellationToken)
        where T : class, IIntegrationEvent
    {
        var events = new List<T>();
        foreach (var received in batch)
        {
            if (await Inbox.TryBeginAsync(transaction, consumer, received.Message.EventId, cancellationToken))
            {
                events.Add(received.Message);
            }
        }

        return events;
    }

    /// <summary>Queues the alerts' deliveries and stream events, and commits the transaction with them.</summary>
    private async Task QueueAsync(NpgsqlTransaction transaction, string type, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count > 0)
        {
            // One who was told of a statement hears of its retraction also while paused: it waits with their other
            // deliveries until they resume, rather than never coming.
            var subscribers = await store.SubscribersAsync(transaction.Connection!, transaction, includePaused: type == Retracted, cancellationToken);
            foreach (var alert in alerts)
            {
                foreach (var subscription in subscribers.Where(alert.Wants))
                {
                    await SubscriptionStore.EnqueueDeliveryAsync(transaction, subscription.Id, type, alert.StatementId, alert.Data, cancellationToken);
                }
            }

            // Last: the append holds the stream log's lock until the commit.
            await StreamLog.AppendAsync(transaction, type, [.. alerts.Select(a => (a.StatementId, a.Data))], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        queue.Wake();
        stream.Appended();
    }

    /// <summary>
    /// Writes the statements' rows, marking them retracted if asked, and answers whether each is retracted and its newest
    /// correction. Writing the row waits for a publication, correction or retraction of the same statement still being
    /// handled: they never miss each other.
    /// </summary>
    private static async Task<Dictionary<string, Known>> RecordAsync(NpgsqlTransaction transaction, string[] statementIds, bool retract, CancellationToken cancellationToken)
    {
        // In id order, so two batches sharing statements take their rows in the same order.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO known_statements (statement_id, retracted_at)
            SELECT DISTINCT id, CASE WHEN @retract THEN now() END FROM unnest(@ids) AS id ORDER BY id
            ON CONFLICT (statement_id) DO UPDATE SET retracted_at = COALESCE(known_statements.retracted_at, EXCLUDED.retracted_at)
            RETURNING statement_id, retracted_at IS NOT NULL, corrected
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("ids", statementIds);
        command.Parameters.AddWithValue("retract", retract);
        var known = new Dictionary<string, Known>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            known[r.GetString(0)] = new Known(r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetString(2));
        }

        return known;
    }

    /// <summary>
    /// Keeps each correction on its statement's row, unless a newer one is there (an older correction handled later
    /// changes nothing), then puts it in the stream log's copy. Two commands: the second, after the first has waited for
    /// a publication of the statement still being handled, sees what that publication logged.
    /// </summary>
    private static async Task CorrectAsync(NpgsqlTransaction transaction, IReadOnlyList<StatementUpdated> corrections, CancellationToken cancellationToken)
    {
        // In id order, so two batches sharing statements take their rows in the same order.
        await using var keep = new NpgsqlCommand(
            """
            INSERT INTO known_statements (statement_id, corrected, corrected_at)
            SELECT c.id, c.data, c.at FROM unnest(@ids, @data, @at) AS c(id, data, at) ORDER BY c.id
            ON CONFLICT (statement_id) DO UPDATE SET corrected = EXCLUDED.corrected, corrected_at = EXCLUDED.corrected_at
            WHERE known_statements.corrected_at IS NULL OR known_statements.corrected_at < EXCLUDED.corrected_at
            RETURNING statement_id, corrected
            """, transaction.Connection, transaction);
        keep.Parameters.AddWithValue("ids", corrections.Select(c => c.Statement.Id).ToArray());
        keep.Parameters.AddWithValue("data", corrections.Select(c => JsonSerializer.Serialize(c.Statement, JsonSerializerOptions.Web)).ToArray());
        keep.Parameters.AddWithValue("at", corrections.Select(c => c.OccurredAt.ToUniversalTime()).ToArray());
        var (ids, data) = (new List<string>(), new List<string>());
        await using (var r = await keep.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                ids.Add(r.GetString(0));
                data.Add(r.GetString(1));
            }
        }

        await using var log = new NpgsqlCommand(
            """
            UPDATE stream_events e SET data = c.data FROM unnest(@ids, @data) AS c(id, data)
            WHERE e.statement_id = c.id AND e.event_type = 'statement.published'
            """, transaction.Connection, transaction);
        log.Parameters.AddWithValue("ids", ids.ToArray());
        log.Parameters.AddWithValue("data", data.ToArray());
        await log.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the statement's announcements that no sender has taken yet: never attempted, and still at the time they
    /// fell due (a sender's claim moves that on first, so one being sent right now is left, and its retraction follows).
    /// </summary>
    private static async Task WithdrawUnsentAnnouncementsAsync(NpgsqlTransaction transaction, string statementId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM deliveries
            WHERE statement_id = @id AND event_type = 'statement.published' AND status = 'pending' AND attempts = 0 AND next_attempt_at = due_at
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", statementId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> SubscribersToldOfAsync(NpgsqlTransaction transaction, string statementId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT subscription_id FROM deliveries WHERE statement_id = @id AND event_type = 'statement.published'",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", statementId);
        var ids = new HashSet<string>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }

    private sealed record Alert(string StatementId, object Data, Func<Subscription, bool> Wants);

    /// <summary>What this service knows of a statement: whether it was retracted, and its newest correction's JSON.</summary>
    private sealed record Known(bool Retracted, string? Corrected);
}
