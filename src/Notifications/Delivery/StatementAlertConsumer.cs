using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;
using MassTransit;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Matches each published or retracted statement against the subscriptions and queues their deliveries. Published
/// statements come in batches of events, taken in one transaction, so a catalogue loading a backlog costs a commit per
/// batch rather than per document.
/// </summary>
public sealed class StatementAlertConsumer(SubscriptionStore store, DeliveryQueue queue, StreamLog stream) :
    IConsumer<Batch<StatementsPublished>>, IConsumer<StatementRetracted>
{
    public Task Consume(ConsumeContext<Batch<StatementsPublished>> context) =>
        QueueAsync("statement.published",
            [.. context.Message.Select(m => new EventAlerts(m.Message.EventId,
                [.. m.Message.Statements.Select(statement => new Alert(statement.Id, statement, s => s.Filter.Matches(statement)))]))],
            context.CancellationToken);

    public async Task Consume(ConsumeContext<StatementRetracted> context)
    {
        // Only those who were told of the statement hear of its retraction.
        var told = await SubscribersToldOfAsync(context.Message.StatementId, context.CancellationToken);
        await QueueAsync("statement.retracted",
            [new EventAlerts(context.Message.EventId, [new Alert(context.Message.StatementId, new { id = context.Message.StatementId }, s => told.Contains(s.Id))])],
            context.CancellationToken);
    }

    /// <summary>The events' alerts are queued in one transaction; an event handled before (redelivered) queues nothing.</summary>
    private async Task QueueAsync(string type, IReadOnlyList<EventAlerts> events, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var alerts = new List<Alert>();
        foreach (var handled in events)
        {
            if (await Inbox.TryBeginAsync(transaction, $"notifications-{type}", handled.EventId, cancellationToken))
            {
                alerts.AddRange(handled.Alerts);
            }
        }

        if (alerts.Count > 0)
        {
            var webhooks = await store.ActiveWebhooksAsync(connection, transaction, cancellationToken);
            foreach (var alert in alerts)
            {
                foreach (var subscription in webhooks.Where(alert.Wants))
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

    private async Task<HashSet<string>> SubscribersToldOfAsync(string statementId, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(
            "SELECT DISTINCT subscription_id FROM deliveries WHERE statement_id = @id AND event_type = 'statement.published'");
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

    private sealed record EventAlerts(Guid EventId, IReadOnlyList<Alert> Alerts);
}
