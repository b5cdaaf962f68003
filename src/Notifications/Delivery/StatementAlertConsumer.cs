using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;
using MassTransit;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>Matches each published or retracted statement against the subscriptions and queues their deliveries.</summary>
public sealed class StatementAlertConsumer(SubscriptionStore store, DeliveryQueue queue, StreamLog stream) :
    IConsumer<StatementPublished>, IConsumer<StatementRetracted>
{
    public async Task Consume(ConsumeContext<StatementPublished> context)
    {
        var statement = context.Message.Statement;
        await QueueAsync(context.Message.EventId, "statement.published", statement.Id, s => s.Filter.Matches(statement), statement, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<StatementRetracted> context)
    {
        // Only those who were told of the statement hear of its retraction.
        var told = await SubscribersToldOfAsync(context.Message.StatementId, context.CancellationToken);
        await QueueAsync(context.Message.EventId, "statement.retracted", context.Message.StatementId, s => told.Contains(s.Id),
            new { id = context.Message.StatementId }, context.CancellationToken);
    }

    private async Task QueueAsync(Guid eventId, string type, string statementId, Func<Subscription, bool> wants, object data, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Inbox.TryBeginAsync(transaction, $"notifications-{type}", eventId, cancellationToken))
        {
            await StreamLog.AppendAsync(transaction, type, statementId, data, cancellationToken);
            foreach (var subscription in (await store.ActiveWebhooksAsync(connection, transaction, cancellationToken)).Where(wants))
            {
                await SubscriptionStore.EnqueueDeliveryAsync(transaction, subscription.Id, type, statementId, data, cancellationToken);
            }
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
}
