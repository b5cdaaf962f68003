using IdmPlatform.Contracts;
using MassTransit;
using Npgsql;

namespace IdmPlatform.Notifications.Subscriptions;

/// <summary>
/// Subscriptions name people and organisations by slug; when an editor merges one into another, the filters that
/// named the old slug name the new one, or they would stop matching the statements that moved.
/// </summary>
public sealed class EntityMergedConsumer(SubscriptionStore store) : IConsumer<EntityMerged>
{
    public async Task Consume(ConsumeContext<EntityMerged> context)
    {
        var (merged, cancellationToken) = (context.Message, context.CancellationToken);
        var field = merged.Kind switch
        {
            "person" => "people",
            "organisation" => "organisations",
            _ => null, // A kind this service keeps no filter on.
        };
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (field is not null && await Inbox.TryBeginAsync(transaction, "notifications-entity-merged", merged.EventId, cancellationToken))
        {
            // DISTINCT: a filter that named both keeps one.
            await using var command = new NpgsqlCommand(
                """
                UPDATE subscriptions SET filter = jsonb_set(filter, ARRAY[@field], (
                    SELECT jsonb_agg(DISTINCT CASE WHEN slug = @from THEN @into ELSE slug END)
                    FROM jsonb_array_elements_text(filter -> @field) AS slug))
                WHERE jsonb_typeof(filter -> @field) = 'array' AND (filter -> @field) ? @from
                """, connection, transaction);
            command.Parameters.AddWithValue("field", field);
            command.Parameters.AddWithValue("from", merged.From);
            command.Parameters.AddWithValue("into", merged.Into);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
