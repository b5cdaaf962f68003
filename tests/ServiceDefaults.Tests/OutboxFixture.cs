using System.Collections.Concurrent;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IdmPlatform.ServiceDefaults.Tests;

public sealed record SomethingHappened(Guid EventId, DateTimeOffset OccurredAt, string What) : IIntegrationEvent;

public sealed record PoisonPill(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record DatabaseNeeded(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed class RecordingConsumer(OutboxFixture fixture) : IConsumer<SomethingHappened>
{
    public Task Consume(ConsumeContext<SomethingHappened> context)
    {
        fixture.Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class PoisonConsumer(OutboxFixture fixture) : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context)
    {
        fixture.PoisonAttempts.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1);
        throw new InvalidOperationException("This message can never be handled.");
    }
}

/// <summary>Handles its message only with the database's help, as most consumers do.</summary>
public sealed class DatabaseConsumer(OutboxFixture fixture) : IConsumer<DatabaseNeeded>
{
    public async Task Consume(ConsumeContext<DatabaseNeeded> context)
    {
        fixture.DatabaseAttempts.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1);
        await using var command = fixture.DataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(context.CancellationToken);
        fixture.DatabaseHandled.Enqueue(context.Message.EventId);
    }
}

/// <summary>Reads the poison queue's error queue, where MassTransit moves a message that failed every retry.</summary>
public sealed class ErrorQueueReader(OutboxFixture fixture) : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context)
    {
        fixture.DeadLettered.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>A host wired the way every service is (ServiceDefaults' data source, bus and outbox) on real servers.</summary>
public sealed class OutboxFixture() : InfrastructureFixture("outboxdb")
{
    public const string PoisonQueue = "outbox-tests-poison";

    public ConcurrentQueue<SomethingHappened> Received { get; } = new();

    public ConcurrentQueue<PoisonPill> DeadLettered { get; } = new();

    /// <summary>How many times the poison consumer was handed each message.</summary>
    public ConcurrentDictionary<Guid, int> PoisonAttempts { get; } = new();

    public ConcurrentDictionary<Guid, int> DatabaseAttempts { get; } = new();

    public ConcurrentQueue<Guid> DatabaseHandled { get; } = new();

    public IHost Host { get; private set; } = null!;

    public NpgsqlDataSource DataSource => Host.Services.GetRequiredService<NpgsqlDataSource>();

    public Outbox Outbox => Host.Services.GetRequiredService<Outbox>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Environment.SetEnvironmentVariable("OTEL_SERVICE_NAME", "outbox-tests");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(this);
        builder.AddDataSource(DatabaseName);
        builder.AddEventBus(bus =>
        {
            bus.AddConsumer<RecordingConsumer>();
            bus.AddConsumer<DatabaseConsumer>();
            bus.AddConsumer<PoisonConsumer>().Endpoint(e => e.Name = PoisonQueue);
            // Reads the error queue only: not bound to the message's exchange, or it would get every pill at once.
            bus.AddConsumer<ErrorQueueReader>().Endpoint(e =>
            {
                e.Name = $"{PoisonQueue}_error";
                e.ConfigureConsumeTopology = false;
            });
        });
        Host = builder.Build();
        await DatabaseSchema.EnsureAsync(DataSource, typeof(OutboxFixture).Assembly);
        await Host.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(OutboxCollection))]
public sealed class OutboxCollection : ICollectionFixture<OutboxFixture>;
