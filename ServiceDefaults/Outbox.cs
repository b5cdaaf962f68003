using System.Diagnostics;
using System.Text.Json;
using IdmPlatform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The transactional outbox: an event is written in the same transaction as the change it describes and
/// published by <see cref="OutboxRelay"/> only once that transaction has committed. A rolled-back change
/// publishes nothing; a broker that is down at commit time only delays the event.
/// </summary>
public sealed class Outbox : WakeSignal
{
    public static async Task EnqueueAsync(NpgsqlTransaction transaction, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var type = integrationEvent.GetType();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox_messages (event_id, event_type, payload, trace_parent)
            VALUES (@id, @type, @payload::jsonb, @trace)
            ON CONFLICT (event_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", integrationEvent.EventId);
        command.Parameters.AddWithValue("type", $"{type.FullName}, {type.Assembly.GetName().Name}");
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(integrationEvent, type, JsonSerializerOptions.Web));
        // The relay publishes later, from its own activity; keeping the caller's trace joins both halves.
        command.Parameters.AddWithValue("trace", (object?)Activity.Current?.Id ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Consumers record each event id they handled, in the same transaction as their work, so redelivery is harmless.</summary>
public static class Inbox
{
    /// <returns>false when this consumer already handled the event.</returns>
    public static async Task<bool> TryBeginAsync(NpgsqlTransaction transaction, string consumer, Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO inbox_messages (consumer, event_id) VALUES (@consumer, @id) ON CONFLICT DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("consumer", consumer);
        command.Parameters.AddWithValue("id", eventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

public static class OutboxExtensions
{
    internal const string Schema =
        """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            id           bigserial PRIMARY KEY,
            event_id     uuid NOT NULL UNIQUE,
            event_type   text NOT NULL,
            payload      jsonb NOT NULL,
            trace_parent text,
            created_at   timestamptz NOT NULL DEFAULT now(),
            published_at timestamptz,
            attempts     int NOT NULL DEFAULT 0,
            last_error   text
        );
        -- A row that can never be published is set aside (kept, with its error) instead of blocking the rows after it.
        ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS set_aside_at timestamptz;
        CREATE INDEX IF NOT EXISTS outbox_messages_pending ON outbox_messages (id) WHERE published_at IS NULL;
        CREATE TABLE IF NOT EXISTS inbox_messages (
            consumer     text NOT NULL,
            event_id     uuid NOT NULL,
            processed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (consumer, event_id)
        );
        """;

    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
