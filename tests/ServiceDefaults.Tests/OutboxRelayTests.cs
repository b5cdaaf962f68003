using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IdmPlatform.ServiceDefaults.Tests;

/// <summary>The relay on its own outbox (a schema of the test database), with a bus that misbehaves on purpose.</summary>
[Collection(nameof(OutboxCollection))]
public sealed class OutboxRelayTests(OutboxFixture fixture)
{
    [Fact]
    public async Task A_publish_that_never_returns_does_not_stop_the_relay()
    {
        // Seen with RabbitMQ: a publish caught on a channel the broker dropped ignored its cancellation
        // token and never completed, holding the relay (and its row locks) forever.
        await using var dataSource = await NewOutboxAsync();
        var bus = HangingFirstPublishBus.Create();
        using var outbox = new Outbox();
        using var relay = new OutboxRelay(dataSource, bus, outbox, NullLogger<OutboxRelay>.Instance);

        var message = new SomethingHappened(Guid.NewGuid(), DateTimeOffset.UtcNow, "published after a hung attempt");
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(transaction, message, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await relay.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                await using var command = dataSource.CreateCommand("SELECT published_at IS NOT NULL FROM outbox_messages WHERE event_id = @id");
                command.Parameters.AddWithValue("id", message.EventId);
                return await command.ExecuteScalarAsync() is true;
            }, "the event to be published by a later attempt");
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await relay.StopAsync(stopping.Token);
        }

        Assert.Equal(2, ((HangingFirstPublishBus)(object)bus).Attempts);
        Assert.Contains(message.EventId, ((HangingFirstPublishBus)(object)bus).Published);
    }

    [Fact]
    public async Task A_row_whose_type_no_longer_loads_is_set_aside_and_the_events_after_it_flow()
    {
        await using var dataSource = await NewOutboxAsync();
        var bus = RecordingBus.Create();
        using var outbox = new Outbox();
        using var relay = new OutboxRelay(dataSource, bus, outbox, NullLogger<OutboxRelay>.Instance);
        long setAside = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Telemetry.SourceName && instrument.Name == "idm.outbox.set_aside")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref setAside, value));
        meters.Start();

        // A row written by an older version, whose event type was since renamed: first in line.
        var poison = Guid.NewGuid();
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO outbox_messages (event_id, event_type, payload) VALUES (@id, 'IdmPlatform.Contracts.RenamedLongAgo, IdmPlatform.Contracts', '{}')"))
        {
            insert.Parameters.AddWithValue("id", poison);
            await insert.ExecuteNonQueryAsync();
        }

        var message = new SomethingHappened(Guid.NewGuid(), DateTimeOffset.UtcNow, "behind a poison row");
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(transaction, message, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await relay.StartAsync(CancellationToken.None);
        try
        {
            // Wait for the batch's commit, not for the publish: stopping the relay mid-batch would roll it back.
            await Eventually.HoldsAsync(async () =>
            {
                await using var done = dataSource.CreateCommand(
                    "SELECT count(*) FROM outbox_messages WHERE (event_id = @poison AND set_aside_at IS NOT NULL) OR (event_id = @event AND published_at IS NOT NULL)");
                done.Parameters.AddWithValue("poison", poison);
                done.Parameters.AddWithValue("event", message.EventId);
                return await done.ExecuteScalarAsync() is 2L;
            }, "the event behind the poison row");
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await relay.StopAsync(stopping.Token);
        }

        Assert.Contains(message.EventId, ((RecordingBus)(object)bus).Published);
        await using var row = dataSource.CreateCommand("SELECT set_aside_at IS NOT NULL, published_at IS NULL, last_error FROM outbox_messages WHERE event_id = @id");
        row.Parameters.AddWithValue("id", poison);
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the poison row is kept");
        Assert.True(reader.GetBoolean(0), "set aside");
        Assert.True(reader.GetBoolean(1), "never published");
        Assert.Contains("RenamedLongAgo", reader.GetString(2), StringComparison.Ordinal);
        Assert.Equal(1, Interlocked.Read(ref setAside));
    }

    /// <summary>An outbox of its own, in a new schema of the test database, so each relay sees only its rows.</summary>
    private async Task<NpgsqlDataSource> NewOutboxAsync()
    {
        var schema = $"relay_{Guid.NewGuid():N}"[..20];
        await using (var create = fixture.DataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString) { SearchPath = schema }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await DatabaseSchema.EnsureAsync(dataSource, typeof(OutboxRelayTests).Assembly);
        return dataSource;
    }
}

/// <summary>An IBus that records what the relay publishes.</summary>
public class RecordingBus : DispatchProxy
{
    public ConcurrentBag<Guid> Published { get; } = [];

    public static IBus Create() => Create<IBus, RecordingBus>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IBus.Publish) } && args is [IIntegrationEvent message, Type, CancellationToken])
        {
            Published.Add(message.EventId);
            return Task.CompletedTask;
        }

        throw new NotSupportedException($"{targetMethod?.Name} is not used by the relay.");
    }
}

/// <summary>An IBus whose first Publish never completes and ignores its token; later ones succeed.</summary>
public class HangingFirstPublishBus : DispatchProxy
{
    private int _attempts;

    public int Attempts => _attempts;

    public ConcurrentBag<Guid> Published { get; } = [];

    public static IBus Create() => Create<IBus, HangingFirstPublishBus>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IBus.Publish) } && args is [SomethingHappened message, Type, CancellationToken])
        {
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                return new TaskCompletionSource().Task;
            }

            Published.Add(message.EventId);
            return Task.CompletedTask;
        }

        throw new NotSupportedException($"{targetMethod?.Name} is not used by the relay.");
    }
}
