using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>
/// The running half of a resource: its state machine, health, log, and the task that drives its lifecycle
/// (wait for dependencies → start → watch health → stop). Start and stop can be repeated.
/// </summary>
internal abstract class ResourceRuntime(Resource resource, DistributedApplication app) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private CancellationTokenSource? _runCts;
    private Task _runTask = Task.CompletedTask;

    public Resource Resource { get; } = resource;

    protected DistributedApplication App { get; } = app;

    public ResourceLogBuffer Logs { get; } = new(resource.Name, app.Options.ResourceLog);

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public HealthStatus? Health { get; private set; }

    public int? Pid { get; protected set; }

    public int RestartCount { get; protected set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public int? ExitCode { get; protected set; }

    public string? Message { get; private set; }

    /// <summary>Every PID this resource ever started (and their descendants), for the no-orphans check.</summary>
    public HashSet<int> AllPids { get; } = [];

    /// <summary>The PIDs this resource launched directly; each leads its own process group.</summary>
    public HashSet<int> LeaderPids { get; } = [];

    public virtual IReadOnlyList<string> EndpointUrls => [];

    /// <summary>Used for the state shown between checks; a resource without checks is healthy while running.</summary>
    protected virtual bool HasHealthCheck => true;

    public ResourceSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ResourceSnapshot(
                Resource.Name, Resource.Kind, State, State == ResourceState.Running ? Health : null, Pid,
                EndpointUrls, RestartCount, StartedAt, ExitCode, Message, [.. Resource.WaitsFor.Select(w => w.Name)]);
        }
    }

    /// <summary>Begins the lifecycle unless it is already under way.</summary>
    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (!_runTask.IsCompleted)
            {
                return;
            }

            _runCts?.Dispose();
            _runCts = new CancellationTokenSource();
            var token = _runCts.Token;
            SetState(ResourceState.NotStarted, null);
            _runTask = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Ends the lifecycle: stops the processes gracefully and leaves the resource Exited.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_runCts is not null)
            {
                await _runCts.CancelAsync();
            }

            await _runTask;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var waits = AllWaits().ToList();
            if (waits.Count > 0)
            {
                SetState(ResourceState.Waiting, null);
                foreach (var dependency in waits)
                {
                    Log($"Waiting for resource '{dependency.Name}' to become healthy.");
                    await App.WaitForDependencyAsync(dependency.Name, ct);
                }

                Log("Finished waiting for dependencies.");
            }

            await RunCoreAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (State is ResourceState.Waiting or ResourceState.NotStarted or ResourceState.Starting)
            {
                SetState(ResourceState.Exited, null);
            }
        }
        catch (Exception ex)
        {
            Log($"Failed to start: {ex.Message}", isError: true);
            SetState(ResourceState.FailedToStart, ex.Message);
            App.Report($"{Resource.Name}: FailedToStart: {ex.Message}");
        }
    }

    // Waiting on a database also waits on its server.
    protected virtual IEnumerable<IResource> AllWaits() => Resource.WaitsFor;

    /// <summary>The resource-specific part: launch, supervise until cancelled, stop.</summary>
    protected abstract Task RunCoreAsync(CancellationToken ct);

    protected abstract Task<bool> CheckHealthAsync(CancellationToken ct);

    /// <summary>Checks health until cancelled: quickly while unhealthy, every few seconds once healthy.</summary>
    protected async Task MonitorHealthAsync(TimeSpan healthyInterval, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        while (!ct.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                healthy = !HasHealthCheck || await CheckHealthAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }

            SetHealth(healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy);
            var delay = healthy ? healthyInterval
                : DateTime.UtcNow - started < TimeSpan.FromSeconds(30) ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void SetState(ResourceState state, string? message)
    {
        ResourceState previous;
        lock (_gate)
        {
            previous = State;
            State = state;
            Message = message;
            if (state == ResourceState.Running)
            {
                StartedAt = DateTimeOffset.UtcNow;
                Health = HasHealthCheck ? HealthStatus.Unhealthy : HealthStatus.Healthy;
            }
            else if (state != ResourceState.Stopping)
            {
                Health = null;
            }

            if (state is ResourceState.Exited or ResourceState.FailedToStart or ResourceState.NotStarted)
            {
                Pid = null;
            }
        }

        if (previous != state)
        {
            App.Report($"{Resource.Name}: {state}{(message is null ? string.Empty : $" ({message})")}");
        }
    }

    private void SetHealth(HealthStatus health)
    {
        HealthStatus? previous;
        lock (_gate)
        {
            if (State != ResourceState.Running)
            {
                return;
            }

            previous = Health;
            Health = health;
        }

        if (previous != health && !(previous is null && health == HealthStatus.Unhealthy))
        {
            App.Report($"{Resource.Name}: {health}");
        }
    }

    public void Dispose()
    {
        _runCts?.Dispose();
        _lifecycle.Dispose();
    }

    /// <summary>A line from the orchestrator about this resource, kept with its console log.</summary>
    public void Log(string text, bool isError = false) => Logs.Add($"[apphost] {text}", isError);
}
