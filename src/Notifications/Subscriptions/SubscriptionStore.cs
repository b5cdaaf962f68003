using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Notifications.Subscriptions;

public sealed record DeliveryView(
    string Id, string EventType, string? StatementId, string Status, int Attempts, int? LastStatusCode, int? LastLatencyMs,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt);

/// <summary>An e-mail subscription as its confirmation and unsubscribe links see it.</summary>
public sealed record MailboxSubscription(string Id, string Status, string Address);

/// <summary>Subscriptions and their deliveries in the notifications database.</summary>
public sealed class SubscriptionStore(NpgsqlDataSource dataSource)
{
    /// <summary>The delivery that carries an e-mail subscription's confirmation link.</summary>
    public const string Confirmation = "subscription.confirm";

    /// <summary>How many confirmation mails an address is sent within the window, whoever asks.</summary>
    public const int ConfirmationsPerWindow = 3;

    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromDays(1);

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A random token for a link or a header: 256 bits, URL-safe.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Stores a new subscription. A webhook is active at once; an e-mail address waits, pending confirmation, for its
    /// holder to follow the link in the confirmation mail queued with it (double opt-in).
    /// </summary>
    /// <remarks>An address that had its confirmation mails of the day gets none: no subscription, and when it may have one.</remarks>
    public async Task<(SubscriptionView? Created, DateTimeOffset? RetryAt)> CreateAsync(
        SubscriptionFilter filter, Channel channel, string digest, string secret, string managementToken, CancellationToken cancellationToken)
    {
        var id = Ids.New("sub");
        var email = channel.Type == "email";
        var status = email ? "pendingConfirmation" : "active";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (email && await RequestConfirmationAsync(transaction, channel.Address!, cancellationToken) is { } retryAt)
        {
            return (null, retryAt);
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO subscriptions (id, filter, channel_type, target, secret, management_token_hash, digest, status, confirm_token, unsubscribe_token)
            VALUES (@id, @filter::jsonb, @type, @target, @secret, @token, @digest, @status, @confirm, @unsubscribe) RETURNING created_at
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("filter", JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("type", channel.Type);
        command.Parameters.AddWithValue("target", channel.Url ?? channel.Address!);
        command.Parameters.AddWithValue("secret", secret);
        command.Parameters.AddWithValue("token", HashToken(managementToken));
        command.Parameters.AddWithValue("digest", digest);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("confirm", email ? NewToken() : DBNull.Value);
        command.Parameters.AddWithValue("unsubscribe", email ? NewToken() : DBNull.Value);
        var createdAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (email)
        {
            await EnqueueDeliveryAsync(transaction, id, Confirmation, null, new { subscriptionId = id }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (new SubscriptionView(id, status, filter, channel, digest, new DateTimeOffset(createdAt, TimeSpan.Zero)), null);
    }

    /// <summary>
    /// Records that a confirmation mail is to go to the address, unless the address had its share of the last day: then
    /// answers when it may have another. Each one goes to an address nobody has vouched for, so anyone could otherwise
    /// fill a stranger's inbox through us. Concurrent requests for one address take turns.
    /// </summary>
    private static async Task<DateTimeOffset?> RequestConfirmationAsync(NpgsqlTransaction transaction, string address, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(hashtext(lower(@address)));
            SELECT count(*)::int, min(requested_at) + @window FROM confirmation_requests
            WHERE lower(address) = lower(@address) AND requested_at > now() - @window;
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("address", address);
        command.Parameters.AddWithValue("window", ConfirmationWindow);
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            await r.NextResultAsync(cancellationToken);
            await r.ReadAsync(cancellationToken);
            if (r.GetInt32(0) >= ConfirmationsPerWindow)
            {
                return r.GetFieldValue<DateTimeOffset>(1);
            }
        }

        await using var insert = new NpgsqlCommand("INSERT INTO confirmation_requests (address) VALUES (@address)", transaction.Connection, transaction);
        insert.Parameters.AddWithValue("address", address);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Confirms the e-mail subscription whose confirmation link this is; following it again changes nothing, nor does
    /// it bring back a subscription its holder ended. Null when no subscription has the token.
    /// </summary>
    public Task<MailboxSubscription?> ConfirmAsync(string token, CancellationToken cancellationToken) => MailboxAsync(
        "UPDATE subscriptions SET status = CASE WHEN status = 'pendingConfirmation' THEN 'active' ELSE status END WHERE confirm_token = @token RETURNING id, status, target",
        token, cancellationToken);

    /// <summary>Ends the e-mail subscription whose unsubscribe link this is: it gets nothing more, whatever its owner does.</summary>
    public Task<MailboxSubscription?> UnsubscribeAsync(string token, CancellationToken cancellationToken) => MailboxAsync(
        "UPDATE subscriptions SET status = 'unsubscribed' WHERE unsubscribe_token = @token RETURNING id, status, target", token, cancellationToken);

    public Task<MailboxSubscription?> FindByConfirmTokenAsync(string token, CancellationToken cancellationToken) => MailboxAsync(
        "SELECT id, status, target FROM subscriptions WHERE confirm_token = @token", token, cancellationToken);

    public Task<MailboxSubscription?> FindByUnsubscribeTokenAsync(string token, CancellationToken cancellationToken) => MailboxAsync(
        "SELECT id, status, target FROM subscriptions WHERE unsubscribe_token = @token", token, cancellationToken);

    private async Task<MailboxSubscription?> MailboxAsync(string sql, string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("token", token);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? new MailboxSubscription(r.GetString(0), r.GetString(1), r.GetString(2)) : null;
    }

    /// <summary>The subscription, if the token is its management token (any token will do for an administrator: null).</summary>
    public async Task<SubscriptionView?> FindAsync(string id, string? token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT filter::text, channel_type, target, digest, status, created_at, management_token_hash FROM subscriptions WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)
            || (token is not null && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.GetString(6)), Encoding.ASCII.GetBytes(HashToken(token)))))
        {
            return null;
        }

        var type = r.GetString(1);
        var channel = type == "webhook" ? new Channel(type, r.GetString(2), null) : new Channel(type, null, r.GetString(2));
        return new SubscriptionView(id, r.GetString(4), JsonSerializer.Deserialize<SubscriptionFilter>(r.GetString(0), JsonSerializerOptions.Web)!,
            channel, r.GetString(3), r.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>
    /// Changes what was given of filter, digest and status (active or paused). A paused or disabled subscription set
    /// active again gives the deliveries that waited a new retry window from now: the days they waited, or failed
    /// before it was disabled, do not count against them, so one stumble after resuming is retried, not given up.
    /// </summary>
    public async Task ChangeAsync(string id, SubscriptionFilter? filter, string? digest, string? status, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT status FROM subscriptions WHERE id = @id FOR UPDATE;
            UPDATE subscriptions SET filter = COALESCE(@filter::jsonb, filter), digest = COALESCE(@digest, digest),
                -- Only the address's holder starts or ends e-mail alerts: a change of status that lands just after their
                -- click leaves what they did.
                status = CASE WHEN status IN ('pendingConfirmation', 'unsubscribed') THEN status ELSE COALESCE(@status, status) END
            WHERE id = @id RETURNING status;
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("filter", filter is null ? DBNull.Value : JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("digest", (object?)digest ?? DBNull.Value);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        string? before, after;
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            before = await r.ReadAsync(cancellationToken) ? r.GetString(0) : null;
            await r.NextResultAsync(cancellationToken);
            after = await r.ReadAsync(cancellationToken) ? r.GetString(0) : null;
        }

        if (before is "paused" or "disabled" && after == "active")
        {
            // Only what is already due. One never attempted keeps next_attempt_at = due_at, the mark of a delivery no
            // sender has taken (a retraction withdraws those); one backing off keeps its next attempt.
            await using var resume = new NpgsqlCommand(
                """
                UPDATE deliveries SET due_at = now(), window_attempts = 0,
                    next_attempt_at = CASE WHEN next_attempt_at = due_at THEN now() ELSE next_attempt_at END
                WHERE subscription_id = @id AND status = 'pending' AND due_at < now()
                """, connection, transaction);
            resume.Parameters.AddWithValue("id", id);
            await resume.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Queues one of the subscription's deliveries again, now; Found is false when it has no such delivery. A confirmation
    /// mail counts towards its address's share, and past it is not queued: RetryAt says when it may be.
    /// </summary>
    public async Task<(bool Found, DateTimeOffset? RetryAt)> RedeliverAsync(string id, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand(
            "SELECT d.event_type, s.target FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = @delivery AND d.subscription_id = @id",
            connection, transaction);
        find.Parameters.AddWithValue("id", id);
        find.Parameters.AddWithValue("delivery", deliveryId);
        (string Type, string Target)? delivery = null;
        await using (var r = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (await r.ReadAsync(cancellationToken))
            {
                delivery = (r.GetString(0), r.GetString(1));
            }
        }

        if (delivery is not { } found)
        {
            return (false, null);
        }

        if (found.Type == Confirmation && await RequestConfirmationAsync(transaction, found.Target, cancellationToken) is { } retryAt)
        {
            return (true, retryAt);
        }

        // A new retry window: sent again because its endpoint is fixed, one stumble must not give it up at once.
        await using var command = new NpgsqlCommand(
            """
            UPDATE deliveries SET status = 'pending', next_attempt_at = now(), due_at = now(), window_attempts = 0
            WHERE id = @delivery AND subscription_id = @id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("delivery", deliveryId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, null);
    }

    /// <summary>Queues a ping for the subscription, sent at once whatever its digest.</summary>
    public async Task PingAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await EnqueueDeliveryAsync(transaction, id, "ping", null, new { subscriptionId = id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM subscriptions WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The subscriptions to queue for, on every channel: the active ones, and with includePaused those paused too.</summary>
    public async Task<IReadOnlyList<Subscription>> SubscribersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool includePaused, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, status, filter::text, target, secret FROM subscriptions WHERE status = 'active' OR (@paused AND status = 'paused')",
            connection, transaction);
        command.Parameters.AddWithValue("paused", includePaused);
        var subscriptions = new List<Subscription>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new Subscription(r.GetString(0), r.GetString(1),
                JsonSerializer.Deserialize<SubscriptionFilter>(r.GetString(2), JsonSerializerOptions.Web)!, r.GetString(3), r.GetString(4)));
        }

        return subscriptions;
    }

    /// <summary>
    /// Queues one delivery; the (subscription, type, statement) key makes a redelivered event queue nothing new. A
    /// statement's delivery to a daily or weekly digest waits for the period's end (midnight UTC, or Monday's), so the
    /// subscriber hears of the period's statements together; a ping or a confirmation is sent at once.
    /// </summary>
    public static async Task EnqueueDeliveryAsync(NpgsqlTransaction transaction, string subscriptionId, string eventType, string? statementId, object data, CancellationToken cancellationToken)
    {
        var deliveryId = Ids.New("msg");
        var payload = JsonSerializer.Serialize(new { type = eventType, timestamp = DateTimeOffset.UtcNow, data }, JsonSerializerOptions.Web);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO deliveries (id, subscription_id, event_type, statement_id, payload, status, trace_parent, next_attempt_at, due_at)
            SELECT @id, @subscription, @type, @statement, @payload::jsonb, 'pending', @traceParent, due.at, due.at
            FROM subscriptions s, LATERAL (SELECT CASE WHEN @type IN ('ping', @confirmation) THEN now()
                WHEN s.digest = 'daily' THEN (date_trunc('day', now() AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC'
                WHEN s.digest = 'weekly' THEN (date_trunc('week', now() AT TIME ZONE 'UTC') + interval '7 days') AT TIME ZONE 'UTC'
                ELSE now() END AS at) due
            WHERE s.id = @subscription
            ON CONFLICT (subscription_id, event_type, statement_id) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", deliveryId);
        command.Parameters.AddWithValue("subscription", subscriptionId);
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("confirmation", Confirmation);
        command.Parameters.AddWithValue("statement", (object?)statementId ?? deliveryId);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("traceParent", (object?)System.Diagnostics.Activity.Current?.Id ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Page<DeliveryView>> DeliveriesAsync(string subscriptionId, int limit, DateTimeOffset? beforeAt, string? beforeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, event_type, statement_id, status, attempts, last_status_code, last_latency_ms, last_error, created_at, delivered_at,
                   CASE WHEN status = 'pending' THEN next_attempt_at END
            FROM deliveries WHERE subscription_id = @id AND (@at::timestamptz IS NULL OR (created_at, id) < (@at, @before))
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("id", subscriptionId);
        command.Parameters.AddWithValue("at", (object?)beforeAt ?? DBNull.Value);
        command.Parameters.AddWithValue("before", (object?)beforeId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<DeliveryView>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new DeliveryView(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
                r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10)));
        }

        var next = items.Count > limit ? Paging.Position(items[limit - 1].CreatedAt, items[limit - 1].Id) : null;
        return new Page<DeliveryView>(items.Take(limit).ToList(), next);
    }

    public NpgsqlDataSource DataSource => dataSource;
}
