using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IdmPlatform.ServiceDefaults.Tests;

[Collection(nameof(OutboxCollection))]
public sealed class OutboxTests(OutboxFixture fixture)
{
    private async Task EnqueueAsync(SomethingHappened message, bool commit)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Outbox.EnqueueAsync(transaction, message, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
            fixture.Outbox.Wake();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    private static SomethingHappened Event(string what) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, what);

    private async Task<bool> IsPublishedAsync(Guid eventId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT published_at IS NOT NULL FROM outbox_messages WHERE event_id = @id");
        command.Parameters.AddWithValue("id", eventId);
        return await command.ExecuteScalarAsync() is true;
    }

    [Fact]
    public async Task A_committed_event_is_published_and_a_rolled_back_one_never_is()
    {
        var rolledBack = Event("rolled back");
        var committed = Event("committed after it");

        await EnqueueAsync(rolledBack, commit: false);
        await EnqueueAsync(committed, commit: true);

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Received.Any(m => m.EventId == committed.EventId)), "the committed event");
        Assert.DoesNotContain(fixture.Received, m => m.EventId == rolledBack.EventId);
        await using var count = fixture.DataSource.CreateCommand("SELECT count(*) FROM outbox_messages WHERE event_id = @id");
        count.Parameters.AddWithValue("id", rolledBack.EventId);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_published_once_it_is_back()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await fixture.StopServerAsync("eventbus", timeout.Token);
        var message = Event("while the broker was down");
        try
        {
            await EnqueueAsync(message, commit: true);

            // The relay has tried (and failed) at least once, and the row is still waiting.
            await Eventually.HoldsAsync(async () => await AttemptsAsync(message.EventId) > 0, "the relay's first attempt while the broker is down");
            Assert.False(await IsPublishedAsync(message.EventId));
        }
        finally
        {
            await fixture.StartServerAsync("eventbus", timeout.Token);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Received.Any(m => m.EventId == message.EventId)),
            "the event to arrive after the broker restarted", TimeSpan.FromMinutes(3));
        // The relay marks the row in the transaction it commits after the broker confirmed; a consumer can be faster.
        await Eventually.HoldsAsync(() => IsPublishedAsync(message.EventId), "the row marked published");
    }

    private async Task<int> AttemptsAsync(Guid eventId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT attempts FROM outbox_messages WHERE event_id = @id");
        command.Parameters.AddWithValue("id", eventId);
        return await command.ExecuteScalarAsync() is int attempts ? attempts : 0;
    }

    [Fact]
    public async Task A_message_no_consumer_can_handle_ends_in_the_error_queue_after_its_retries()
    {
        var pill = new PoisonPill(Guid.NewGuid(), DateTimeOffset.UtcNow);

        await fixture.Host.Services.GetRequiredService<IBus>().Publish(pill);

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.DeadLettered.Any(p => p.EventId == pill.EventId)), "the poison message in the error queue");
        // The first delivery and the three retries every service's bus makes (after 200 ms, 1 s and 5 s).
        Assert.Equal(4, fixture.PoisonAttempts[pill.EventId]);
    }

    [Fact]
    public async Task A_message_whose_database_is_away_waits_for_it_rather_than_going_to_the_error_queue()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var message = new DatabaseNeeded(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.StopServerAsync("postgres", timeout.Token);
        try
        {
            await fixture.Host.Services.GetRequiredService<IBus>().Publish(message, timeout.Token);

            // More tries than the three quick retries allow: the message is still being worked on, not set aside.
            await Eventually.HoldsAsync(() => Task.FromResult(fixture.DatabaseAttempts.GetValueOrDefault(message.EventId) > 4),
                "a fifth try while the database is away", TimeSpan.FromMinutes(3));
        }
        finally
        {
            await fixture.StartServerAsync("postgres", timeout.Token);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.DatabaseHandled.Contains(message.EventId)),
            "the message handled once the database is back", TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task The_inbox_admits_an_event_once_per_consumer_and_forgets_a_rolled_back_attempt()
    {
        var eventId = Guid.NewGuid();

        Assert.True(await TryBeginAsync("inbox-tests-a", eventId, commit: false));
        Assert.True(await TryBeginAsync("inbox-tests-a", eventId, commit: true)); // the rolled-back attempt left nothing
        Assert.False(await TryBeginAsync("inbox-tests-a", eventId, commit: true)); // handled before: redelivery is harmless
        Assert.True(await TryBeginAsync("inbox-tests-b", eventId, commit: true)); // another consumer's first time
    }

    /// <summary>Asks the inbox whether the event is new to the consumer, then commits or rolls back that attempt.</summary>
    private async Task<bool> TryBeginAsync(string consumer, Guid eventId, bool commit)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var isNew = await Inbox.TryBeginAsync(transaction, consumer, eventId, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return isNew;
    }
}
