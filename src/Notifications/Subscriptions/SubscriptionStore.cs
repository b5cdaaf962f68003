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

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A random token for a link or a header: 256 bits, URL-safe.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Stores a new subscription. A webhook is active at once; an e-mail address waits, pending confirmation, for its
    /// holder to follow the link in the confirmation mail queued with it (double opt-in).
    /// </summary>
    public async Task<SubscriptionView> CreateAsync(SubscriptionFilter filter, Channel channel, string digest, string secret, string managementToken, CancellationToken cancellationToken)
    {
        var id = Ids.New("sub");
        var email = channel.Type == "email";
        var status = email ? "pendingConfirmation" : "active";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
        return new SubscriptionView(id, status, filter, channel, digest, new DateTimeOffset(createdAt, TimeSpan.Zero));
    }

    /// <summary>
    /// How many subscriptions for the address are waiting for confirmation after being asked for within the window, and
    /// when the oldest of them leaves it.
    /// </summary>
    public async Task<(int Count, DateTimeOffset? OldestLeavesAt)> UnconfirmedAsync(string address, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*)::int, min(created_at) + @window FROM subscriptions
            WHERE channel_type = 'email' AND lower(target) = lower(@address) AND status = 'pendingConfirmation' AND created_at > now() - @window
            """);
        command.Parameters.AddWithValue("address", address);
        command.Parameters.AddWithValue("window", window);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return (r.GetInt32(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1));
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

    /// <summary>Changes what was given of filter, digest and status (active or paused).</summary>
    public async Task ChangeAsync(string id, SubscriptionFilter? filter, string? digest, string? status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE subscriptions SET filter = COALESCE(@filter::jsonb, filter), digest = COALESCE(@digest, digest), status = COALESCE(@status, status)
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("filter", filter is null ? DBNull.Value : JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("digest", (object?)digest ?? DBNull.Value);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Queues one of the subscription's deliveries again, now; false when it has no such delivery.</summary>
    public async Task<bool> RedeliverAsync(string id, string deliveryId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE deliveries SET status = 'pending', next_attempt_at = now() WHERE id = @delivery AND subscription_id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("delivery", deliveryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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
