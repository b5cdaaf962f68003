using System.Diagnostics;
using System.Threading.Channels;
using IdmPlatform.Search.Engine;

namespace IdmPlatform.Search.Indexing;

/// <summary>
/// Builds this replica's index from the catalogue when the replica is new, when it has fallen behind, and when an
/// operator asks (the rebuild command); a failed build is tried again, the index in service meanwhile unchanged.
/// </summary>
public sealed class IndexKeeper(SearchEngine engine, CatalogueExport catalogue, ILogger<IndexKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    // One waiting request is enough: a build started after it was asked for covers every request made before.
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void RequestRebuild(string reason) => _requests.Writer.TryWrite(reason);

    /// <summary>How soon an applied change becomes searchable, at most (plus the time to open the new searcher).</summary>
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(100);

    // Under a backlog (a refresh found this many changes or more) the index refreshes less often: each refresh writes a
    // segment, and segments of a few dozen statements cost more to flush and merge again than to index. A lone new
    // statement still waits a short period only.
    private const int BacklogChanges = 100;
    private static readonly TimeSpan BacklogRefreshPeriod = TimeSpan.FromMilliseconds(500);

    // A burst of changes leaves many segments; once it is over (nothing applied for a few seconds) they are merged into
    // one. A few segments are left alone: merging rewrites the whole index, which a trickle should not cause each time.
    private static readonly TimeSpan QuietBeforeCompacting = TimeSpan.FromSeconds(3);
    private const int SegmentsWorthCompacting = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(BuildWhenAskedAsync(stoppingToken), RefreshEveryPeriodAsync(stoppingToken));

    private async Task RefreshEveryPeriodAsync(CancellationToken stoppingToken)
    {
        var period = RefreshPeriod;
        var quiet = Stopwatch.StartNew();
        var compacting = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                var taken = await engine.RefreshAsync(stoppingToken);
                period = taken >= BacklogChanges ? BacklogRefreshPeriod : RefreshPeriod;
                if (taken > 0)
                {
                    quiet.Restart();
                }
                else if (quiet.Elapsed >= QuietBeforeCompacting && compacting.IsCompleted)
                {
                    // Not awaited: merging a large index takes seconds, and a statement arriving meanwhile must still
                    // become searchable within a refresh period.
                    compacting = CompactAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Refreshing the search index failed.");
            }
        }
    }

    private async Task CompactAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await engine.CompactAsync(SegmentsWorthCompacting, stoppingToken))
            {
                logger.LogInformation("Search index of replica {Replica} merged into one segment after a quiet spell.", engine.Replica);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Merging the search index failed.");
        }
    }

    private async Task BuildWhenAskedAsync(CancellationToken stoppingToken)
    {
        // The bus has started (its host waits until its queues are bound), so every event from now on is queued for
        // this replica while the catalogue's export is read.
        RequestRebuild("this replica is new");
        await foreach (var reason in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            for (var wait = FirstRetry; ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastRetry.Ticks)))
            {
                try
                {
                    logger.LogInformation("Rebuilding the search index of replica {Replica} from the catalogue: {Reason}.", engine.Replica, reason);
                    var loaded = await engine.RebuildAsync(catalogue.ItemsAsync, progress =>
                        logger.LogInformation("Rebuilding: {Loaded:N0} statements loaded in {Seconds:N1} s.", progress.Loaded, progress.Elapsed.TotalSeconds), stoppingToken);
                    logger.LogInformation("Search index rebuilt with {Count:N0} statements from the catalogue.", loaded);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Rebuilding the search index failed; trying again in {Seconds} s.", wait.TotalSeconds);
                    await Task.Delay(wait, stoppingToken);
                }
            }
        }
    }
}
