using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;
using MassTransit;
using Npgsql;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Matches each published or retracted statement against the subscriptions and queues their deliveries. Published
/// statements come in batches of events, taken in one transaction, so a catalogue loading a backlog costs a commit per
/// batch rather than per document.
/// </summary>
public sealed class StatementAlertConsumer(SubscriptionStore store, DeliveryQueue queue, StreamLog stream) :
    IConsumer<Batch<StatementsPublished>>, IConsumer<StatementRetracted>
{
    public const string Published = "statement.published";
    public const string Retracted = "statement.retracted";

    public async Task Consume(ConsumeContext<Batch<StatementsPublished>> context)
    {
        var cancellationToken = context.CancellationToken;
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var statements = new List<StatementView>();
        foreach (var published in context.Message)
        {
            if (await Inbox.TryBeginAsync(transaction, $"notifications-{Published}", published.Message.EventId, cancellationToken))
            {
                statements.AddRange(published.Message.Statements);
            }
        }

        // A statement whose retraction was handled first (a backlog, a retry, a replayed error queue) is not alerted.
        var retracted = await RecordAsync(transaction, [.. statements.Select(s => s.Id)], retract: false, cancellationToken);
        await QueueAsync(transaction, Published,
            [.. statements.Where(s => !retracted.Contains(s.Id)).Select(statement => new Alert(statement.Id, statement, s => s.Filter.Matches(statement)))],
            cancellationToken);
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
    /// Writes the statements' rows, marking them retracted if asked, and answers which of them are retracted. Writing the
    /// row waits for a publication or retraction of the same statement still being handled: the two never miss each other.
    /// </summary>
    private static async Task<HashSet<string>> RecordAsync(NpgsqlTransaction transaction, string[] statementIds, bool retract, CancellationToken cancellationToken)
    {
        // In id order, so two batches sharing statements take their rows in the same order.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO known_statements (statement_id, retracted_at)
            SELECT DISTINCT id, CASE WHEN @retract THEN now() END FROM unnest(@ids) AS id ORDER BY id
            ON CONFLICT (statement_id) DO UPDATE SET retracted_at = COALESCE(known_statements.retracted_at, EXCLUDED.retracted_at)
            RETURNING statement_id, retracted_at IS NOT NULL
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("ids", statementIds);
        command.Parameters.AddWithValue("retract", retract);
        var retracted = new HashSet<string>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            if (r.GetBoolean(1))
            {
                retracted.Add(r.GetString(0));
            }
        }

        return retracted;
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
}
