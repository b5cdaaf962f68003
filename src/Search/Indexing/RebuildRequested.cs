using MassTransit;

namespace IdmPlatform.Search.Indexing;

/// <summary>Asks every search replica to rebuild its index from the catalogue. Each one's own queue gets it.</summary>
public sealed record RebuildRequested(Guid RequestId, DateTimeOffset RequestedAt, string Reason);

public sealed class RebuildRequestedConsumer(IndexKeeper keeper) : IConsumer<RebuildRequested>
{
    public Task Consume(ConsumeContext<RebuildRequested> context)
    {
        keeper.RequestRebuild(context.Message.Reason);
        return Task.CompletedTask;
    }
}

/// <summary>
/// This replica's queue is its own and goes with its connection: when the connection to the broker comes back the
/// queue is new and events sent meanwhile never reached it, so the index is behind and is rebuilt.
/// </summary>
public sealed class ReconnectionObserver(IndexKeeper keeper) : IReceiveEndpointObserver
{
    private int _readyCount;

    public Task Ready(ReceiveEndpointReady ready)
    {
        if (Interlocked.Increment(ref _readyCount) > 1)
        {
            keeper.RequestRebuild("the connection to the event bus came back; events sent meanwhile were missed");
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
