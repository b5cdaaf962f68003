using System.Globalization;
using System.Text.Json.Nodes;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdmPlatform.Notifications.Tests;

/// <summary>The log the live stream reads: a reader that resumes after the last event it saw never misses one.</summary>
[Collection(nameof(NotificationsCollection))]
public sealed class StreamLogTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_reader_does_not_pass_an_append_that_is_still_being_committed_and_so_misses_nothing()
    {
        var log = fixture.Service.Services.GetRequiredService<StreamLog>();
        var (earlier, later) = ($"st_{Guid.NewGuid():N}", $"st_{Guid.NewGuid():N}");
        var last = await log.LatestAsync(CancellationToken.None);
        var read = new List<StreamEvent>();

        // A reader's poll, as the stream makes it: everything after the last event seen.
        async Task PollAsync()
        {
            while (await log.ReadAfterAsync(last, CancellationToken.None) is { Count: > 0 } events)
            {
                read.AddRange(events);
                last = events[^1].Seq;
            }
        }

        // One appending transaction (a batch, a retraction, another replica) is still open when a second one commits.
        await using var first = await fixture.Database.OpenConnectionAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await StreamLog.AppendAsync(firstTransaction, "statement.retracted", [(earlier, new { id = earlier })], CancellationToken.None);
        await using var second = await fixture.Database.OpenConnectionAsync();
        var secondAppend = AppendAndCommitAsync(second, later);
        await Eventually.HoldsAsync(async () => secondAppend.IsCompleted || await IsWaitingForALockAsync(second.ProcessID),
            "the second append to commit or to wait for the first");

        await PollAsync();
        await firstTransaction.CommitAsync();
        await secondAppend;
        await PollAsync();

        Assert.Equal([earlier, later], read.Select(e => e.StatementId).Where(id => id == earlier || id == later));
    }

    [Fact]
    public async Task A_stream_resumed_far_behind_sends_the_whole_backlog_without_waiting_between_pages()
    {
        // Another replica, whose streams are not woken by its poll during the test: after a page, the next one comes
        // because the page was full, not because time passed.
        await using var replica = new ServiceFactory<Program>(new Dictionary<string, string>(NotificationsFixture.Settings()) { ["Stream:Poll"] = "01:00:00" });
        using var client = replica.CreateSignedClient();
        var last = await fixture.Service.Services.GetRequiredService<StreamLog>().LatestAsync(CancellationToken.None);
        var backlog = Enumerable.Range(0, 250).Select(_ => $"st_{Guid.NewGuid():N}").ToList();
        await using (var connection = await fixture.Database.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await StreamLog.AppendAsync(transaction, "statement.retracted", [.. backlog.Select(id => (id, (object)new { id }))], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var stream = await EventStream.OpenAsync(client, "/api/notifications/stream", last.ToString(CultureInfo.InvariantCulture));
        var received = new List<string>();
        while (received.Count < backlog.Count)
        {
            var id = JsonNode.Parse((await stream.NextAsync()).Data)!["id"]!.GetValue<string>();
            if (backlog.Contains(id))
            {
                received.Add(id);
            }
        }

        Assert.Equal(backlog, received);
    }

    private static async Task AppendAndCommitAsync(NpgsqlConnection connection, string statementId)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await StreamLog.AppendAsync(transaction, "statement.retracted", [(statementId, new { id = statementId })], CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<bool> IsWaitingForALockAsync(int processId)
    {
        await using var command = fixture.Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = @pid AND wait_event_type = 'Lock')");
        command.Parameters.AddWithValue("pid", processId);
        return await command.ExecuteScalarAsync() is true;
    }
}
