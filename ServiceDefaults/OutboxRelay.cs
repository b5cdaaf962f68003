using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Publishes committed outbox rows in order. Rows are locked with SKIP LOCKED so replicas share the work;
/// a row is marked published only after the broker confirmed it, so a crash republishes (consumers dedupe).
/// </summary>
public sealed partial class OutboxRelay(NpgsqlDataSource dataSource, IBus bus, Outbox outbox, ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

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
            WHERE published_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        foreach (var row in pending)
        {
            try
            {
                await PublishAsync(row.Type, row.Payload, row.TraceParent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(connection, transaction, row.Id, ex, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                throw;
            }

            await using var mark = new NpgsqlCommand("UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1 WHERE id = @id", connection, transaction);
            mark.Parameters.AddWithValue("id", row.Id);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    private async Task PublishAsync(string typeName, string payload, string? traceParent, CancellationToken cancellationToken)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(payload, type, JsonSerializerOptions.Web)!;
        ActivityContext.TryParse(traceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
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

    private static async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, Exception ex, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE outbox_messages SET attempts = attempts + 1, last_error = @error WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("error", ex.Message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox publish failed; retrying in {Seconds} s")]
    private static partial void LogPublishFailed(ILogger logger, double seconds, Exception exception);
}
