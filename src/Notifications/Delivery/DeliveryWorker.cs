using Npgsql;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Sends due deliveries. Each claimed row is leased (its next attempt pushed out) so a crash mid-send
/// retries it later rather than losing it; failures back off exponentially with jitter until RetryFor runs out.
/// </summary>
public sealed partial class DeliveryWorker(
    NpgsqlDataSource dataSource, WebhookSender sender, DeliveryQueue queue, Microsoft.Extensions.Options.IOptions<WebhookOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private sealed record Due(string Id, string Target, string Secret, string Payload, int Attempts, DateTimeOffset DueAt, string? TraceParent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await ClaimAsync(stoppingToken);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                    async (delivery, ct) => await DeliverAsync(delivery, ct));
                if (due.Count == 0)
                {
                    await queue.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogDatabaseUnavailable(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task<IReadOnlyList<Due>> ClaimAsync(CancellationToken cancellationToken)
    {
        // A paused subscription's deliveries are left as they are, pending, until it is active again; they are passed
        // over in the choice itself so that, however many wait, they never hold back other subscriptions' deliveries.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries d SET next_attempt_at = now() + interval '1 minute'
            FROM subscriptions s
            WHERE s.id = d.subscription_id AND d.id IN (
                SELECT pending.id FROM deliveries pending JOIN subscriptions owner ON owner.id = pending.subscription_id
                WHERE pending.status = 'pending' AND pending.next_attempt_at <= now() AND owner.status = 'active'
                ORDER BY pending.next_attempt_at LIMIT 32 FOR UPDATE OF pending SKIP LOCKED)
            RETURNING d.id, s.target, s.secret, d.payload::text, d.attempts, d.due_at, d.trace_parent
            """);
        var due = new List<Due>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            due.Add(new Due(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return due;
    }

    private async Task DeliverAsync(Due delivery, CancellationToken cancellationToken)
    {
        // The POST continues the trace of the statement it announces.
        using var activity = Telemetry.StartContinuing("webhook deliver", delivery.TraceParent);
        var outcome = await sender.SendAsync(delivery.Target, delivery.Secret, delivery.Id, delivery.Payload, cancellationToken);
        var attempts = delivery.Attempts + 1;
        var givenUp = !outcome.Succeeded && DateTimeOffset.UtcNow - delivery.DueAt > options.Value.RetryFor;
        var status = outcome.Succeeded ? "delivered" : givenUp ? "failed" : "pending";
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries SET status = @status, attempts = @attempts, last_status_code = @code, last_latency_ms = @latency,
                last_error = @error, next_attempt_at = now() + @delay,
                delivered_at = CASE WHEN @status = 'delivered' THEN now() END
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", delivery.Id);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("code", (object?)outcome.StatusCode ?? DBNull.Value);
        command.Parameters.AddWithValue("latency", outcome.LatencyMs);
        command.Parameters.AddWithValue("error", (object?)outcome.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("delay", RetryDelay(attempts));
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (givenUp)
        {
            await DisableIfSilentAsync(delivery.Id, cancellationToken);
        }
    }

    /// <summary>
    /// A subscription whose endpoint has taken nothing for days is disabled: it gets no new deliveries, its owner sees
    /// "disabled" and the failed deliveries on its page, and setting it active again resumes it. A younger one, or one
    /// that took a delivery lately, stays as it is.
    /// </summary>
    private async Task DisableIfSilentAsync(string deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE subscriptions s SET status = 'disabled'
            WHERE s.id = (SELECT subscription_id FROM deliveries WHERE id = @id) AND s.status = 'active' AND s.created_at < now() - @quiet
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = s.id AND d.status = 'delivered' AND d.delivered_at > now() - @quiet)
            """);
        command.Parameters.AddWithValue("id", deliveryId);
        command.Parameters.AddWithValue("quiet", options.Value.DisableAfter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>5 s, 10 s, 20 s … capped at an hour, each with up to 20 % jitter so failing endpoints are not hit in waves.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var seconds = Math.Min(5 * Math.Pow(2, Math.Max(0, attempts - 1)), 3600);
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery worker cannot reach its database")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
