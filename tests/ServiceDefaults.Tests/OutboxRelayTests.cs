using System.Collections.Concurrent;
using System.Reflection;
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
        var schema = $"relay_{Guid.NewGuid():N}"[..20];
        await using (var create = fixture.DataSource.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString) { SearchPath = schema }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await DatabaseSchema.EnsureAsync(dataSource, typeof(OutboxRelayTests).Assembly);
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
