using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Publishes committed outbox rows in order. Rows are locked with SKIP LOCKED so replicas share the work;
/// a row is marked published only after the broker confirmed it, so a crash republishes (consumers dedupe).
/// A row that can never be published (its event type no longer loads, its payload no longer reads) is set
/// aside, kept and counted, so it does not hold back every event behind it.
/// </summary>
public sealed partial class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, Outbox outbox, ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly Counter<long> SetAside = Telemetry.Meter.CreateCounter<long>(
        "idm.outbox.set_aside", description: "Outbox rows set aside because they can never be published");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                backOff = TimeSpan.Zero;
                if (published == 0)
                {
                    await outbox.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                backOff = backOff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
                LogPublishFailed(logger, backOff.TotalSeconds, ex);
                await Task.Delay(backOff, stoppingToken);
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = new List<(long Id, string Type, string Payload, string? TraceParent)>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT id, event_type, payload::text, trace_parent FROM outbox_messages
            WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        var setAside = 0;
        foreach (var row in pending)
        {
            var (type, message, unreadable) = Read(row.Type, row.Payload);
            if (type is null || message is null)
            {
                await SetAsideAsync(connection, transaction, row.Id, unreadable!, cancellationToken);
                setAside++;
                continue;
            }

            try
            {
                await PublishAsync(type, message, row.TraceParent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(connection, transaction, row.Id, ex, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                SetAside.Add(setAside);
                throw;
            }

            await using var mark = new NpgsqlCommand("UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1 WHERE id = @id", connection, transaction);
            mark.Parameters.AddWithValue("id", row.Id);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // Counted once committed: a batch rolled back (a stop mid-batch) sets its rows aside again next time.
        SetAside.Add(setAside);
        return pending.Count;
    }

    private async Task PublishAsync(Type type, object message, string? traceParent, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.StartContinuing($"outbox publish {type.Name}", traceParent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        var publish = bus.Publish(message, type, timeout.Token);
        try
        {
            // MassTransit does not always honour the token: a publish caught on a channel the broker dropped
            // can wait forever, which would hold this batch's row locks and stop the relay for good. Stop
            // waiting at the deadline; the row stays pending and is published again (consumers dedupe).
            await publish.WaitAsync(PublishTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _ = publish.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>The row's event, or why it can never be read (a type renamed or removed since, a payload it no longer fits).</summary>
    private static (Type? Type, object? Message, string? Error) Read(string typeName, string payload)
    {
        try
        {
            var type = Type.GetType(typeName, throwOnError: true)!;
            return (type, JsonSerializer.Deserialize(payload, type, JsonSerializerOptions.Web) ?? throw new JsonException("The payload is null."), null);
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or FileLoadException or JsonException or NotSupportedException or ArgumentException)
        {
            return (null, null, $"{typeName}: {ex.Message}");
        }
    }

    private async Task SetAsideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string error, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE outbox_messages SET set_aside_at = now(), last_error = @error WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogSetAside(logger, id, error);
    }

    private static async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, Exception ex, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE outbox_messages SET attempts = attempts + 1, last_error = @error WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", ex.Message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id} can never be published and was set aside: {Error}")]
    private static partial void LogSetAside(ILogger logger, long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox publish failed; retrying in {Seconds} s")]
    private static partial void LogPublishFailed(ILogger logger, double seconds, Exception exception);
}
