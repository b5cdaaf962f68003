using IdmPlatform.Notifications.Email;
using IdmPlatform.Notifications.Subscriptions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Sends due deliveries, by webhook or by mail. Each claimed row is leased (its next attempt pushed out) so a crash mid-send
/// retries it later rather than losing it; failures back off exponentially with jitter until RetryFor runs out.
/// </summary>
public sealed partial class DeliveryWorker(
    NpgsqlDataSource dataSource, WebhookSender webhooks, MailSender mail, DeliveryQueue queue, IOptions<WebhookOptions> options,
    IOptions<MailOptions> mailOptions, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    // A webhook is one call a delivery, eight at a time; a mailbox's due deliveries make one mail, so many are taken at
    // once (a digest's whole period), up to this many statements a mail.
    private const int WebhookBatch = 32;
    private const int MailBatch = 500;
    private const int StatementsPerMail = 100;

    // A webhook batch is done within its lease: eight calls at a time, each given 10 s.
    private static readonly TimeSpan WebhookLease = TimeSpan.FromMinutes(1);

    private sealed record Due(
        string Id, string SubscriptionId, string Target, string Secret, string EventType, string Payload, int WindowAttempts, DateTimeOffset DueAt,
        string? TraceParent, string Digest, string? ConfirmToken, string? UnsubscribeToken, string? Announced);

    // Webhooks and mail are sent by two loops, so a mail server that stalls does not hold webhooks back, nor the reverse.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        SendWhileRunningAsync(queue.Webhooks, CallDueAsync, stoppingToken),
        SendWhileRunningAsync(queue.Mail, MailDueAsync, stoppingToken));

    private async Task SendWhileRunningAsync(WakeSignal signal, Func<CancellationToken, Task<bool>> sendDue, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await sendDue(stoppingToken))
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
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

    /// <summary>Calls the due webhooks, eight at a time; false when none was due.</summary>
    private async Task<bool> CallDueAsync(CancellationToken cancellationToken)
    {
        var calls = await ClaimAsync("webhook", WebhookBatch, WebhookLease, cancellationToken);
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (delivery, ct) => await CallAsync(delivery, ct));
        return calls.Count > 0;
    }

    /// <summary>Mails what is due; false when nothing was (or the deployment has no mail server).</summary>
    private async Task<bool> MailDueAsync(CancellationToken cancellationToken)
    {
        var mails = mail.IsConfigured ? await ClaimAsync("email", MailBatch, MailLease, cancellationToken) : [];
        await MailAsync(mails, cancellationToken);
        return mails.Count > 0;
    }

    /// <summary>
    /// How long mail deliveries are leased: connecting and sending one mail take about ten steps of the mail server's,
    /// each allowed Mail:Timeout. A batch's mails go out one after another, so after each one the lease of those not
    /// sent yet is renewed (MailAsync): however many a batch holds, another replica never takes one still to be sent here.
    /// </summary>
    private TimeSpan MailLease => mailOptions.Value.Timeout * 10;

    private async Task<IReadOnlyList<Due>> ClaimAsync(string channel, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        // A paused subscription's deliveries are left as they are, pending, until it is active again; they are passed
        // over in the choice itself so that, however many wait, they never hold back other subscriptions' deliveries.
        // An e-mail address not confirmed yet is sent its confirmation mail and nothing else.
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries d SET next_attempt_at = now() + @lease
            FROM subscriptions s
            WHERE s.id = d.subscription_id AND d.id IN (
                SELECT pending.id FROM deliveries pending JOIN subscriptions owner ON owner.id = pending.subscription_id
                WHERE pending.status = 'pending' AND pending.next_attempt_at <= now() AND owner.channel_type = @channel
                  AND (owner.status = 'active' OR (owner.status = 'pendingConfirmation' AND pending.event_type = @confirmation))
                ORDER BY pending.next_attempt_at LIMIT @limit FOR UPDATE OF pending SKIP LOCKED)
            RETURNING d.id, s.id, s.target, s.secret, d.event_type, d.payload::text, d.window_attempts, d.due_at, d.trace_parent, s.digest,
                      s.confirm_token, s.unsubscribe_token,
                      -- A retraction's mail says which statement it was: the one the subscriber was sent.
                      (SELECT announced.payload::text FROM deliveries announced WHERE d.event_type = 'statement.retracted'
                         AND announced.subscription_id = d.subscription_id AND announced.statement_id = d.statement_id AND announced.event_type = 'statement.published')
            """);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("confirmation", SubscriptionStore.Confirmation);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", lease);
        var due = new List<Due>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            due.Add(new Due(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12)));
        }

        return due;
    }

    private async Task CallAsync(Due delivery, CancellationToken cancellationToken)
    {
        // The POST continues the trace of the statement it announces.
        using var activity = Telemetry.StartContinuing("webhook deliver", delivery.TraceParent);
        var outcome = await webhooks.SendAsync(delivery.Target, delivery.Secret, delivery.Id, delivery.Payload, cancellationToken);
        // Recorded even when the service is stopping, as mail is: a call the endpoint took and nobody wrote down would go out again.
        await RecordAsync([delivery], outcome, CancellationToken.None);
    }

    /// <summary>
    /// Each mailbox's due deliveries go out as one mail (a confirmation always alone), and each delivery in it records
    /// how the mail went.
    /// </summary>
    private async Task MailAsync(IReadOnlyList<Due> due, CancellationToken cancellationToken)
    {
        var mails = due.GroupBy(d => (d.SubscriptionId, Confirmation: d.EventType == SubscriptionStore.Confirmation))
            .SelectMany(mailbox => mailbox.OrderBy(d => d.DueAt).Chunk(mailbox.Key.Confirmation ? 1 : StatementsPerMail))
            .ToList();
        if (mails.Count == 0)
        {
            return;
        }

        using var activity = Telemetry.StartContinuing("mail deliver", mails[0][0].TraceParent);
        // Each mail is written down as soon as the server has answered it, even when the service is stopping: a mail the
        // server took and nobody wrote down would go out again, after a crash as after the lease.
        var recorded = 0;
        var outcomes = await mail.SendAsync([.. mails.Select(Compose)], async (sent, outcome, ct) =>
        {
            await RecordAsync(mails[sent], outcome, CancellationToken.None);
            recorded = sent + 1;
            await KeepLeasedAsync([.. mails.Skip(recorded).SelectMany(m => m)], ct);
        }, cancellationToken);
        // Those the server never answered: it could not be reached, went away, or the service stopped.
        foreach (var (deliveries, outcome) in mails.Zip(outcomes).Skip(recorded))
        {
            await RecordAsync(deliveries, outcome, CancellationToken.None);
        }
    }

    /// <summary>Renews the lease of deliveries not sent yet, those with less than half of it left.</summary>
    private async Task KeepLeasedAsync(IReadOnlyList<Due> unsent, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE deliveries SET next_attempt_at = now() + @lease WHERE id = ANY(@ids) AND status = 'pending' AND next_attempt_at < now() + @lease / 2");
        command.Parameters.AddWithValue("ids", unsent.Select(d => d.Id).ToArray());
        command.Parameters.AddWithValue("lease", MailLease);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // Sending on is better than leaving the batch half sent; the lease may run out, and a mail go out twice.
            LogLeaseNotRenewed(logger, ex);
        }
    }

    private MimeKit.MimeMessage Compose(Due[] deliveries)
    {
        var first = deliveries[0];
        return AlertMail.Compose(mailOptions.Value, new Mailbox(first.Target, first.Digest, first.ConfirmToken, first.UnsubscribeToken),
            [.. deliveries.Select(d => new QueuedMail(d.Id, d.EventType, d.Payload, d.Announced))]);
    }

    /// <summary>
    /// Records an attempt on the deliveries it carried: delivered; or pending again after a back-off; or failed, when
    /// the failure is permanent or the deliveries' retry window has run out.
    /// </summary>
    private async Task RecordAsync(IReadOnlyList<Due> deliveries, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var windowAttempts = deliveries.Max(d => d.WindowAttempts) + 1;
        var givenUp = !outcome.Succeeded && (outcome.Permanent || DateTimeOffset.UtcNow - deliveries.Min(d => d.DueAt) > options.Value.RetryFor);
        var status = outcome.Succeeded ? "delivered" : givenUp ? "failed" : "pending";
        await using var command = dataSource.CreateCommand(
            """
            UPDATE deliveries SET status = @status, attempts = attempts + 1, window_attempts = window_attempts + 1, last_status_code = @code, last_latency_ms = @latency,
                last_error = @error, next_attempt_at = now() + @delay,
                delivered_at = CASE WHEN @status = 'delivered' THEN now() END
            WHERE id = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", deliveries.Select(d => d.Id).ToArray());
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("code", (object?)outcome.StatusCode ?? DBNull.Value);
        command.Parameters.AddWithValue("latency", outcome.LatencyMs);
        command.Parameters.AddWithValue("error", (object?)outcome.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("delay", RetryDelay(windowAttempts));
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (givenUp)
        {
            await DisableIfSilentAsync(deliveries[0].Id, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery worker could not renew the lease of the mails it is sending")]
    private static partial void LogLeaseNotRenewed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery worker cannot reach its database")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
