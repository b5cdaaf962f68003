using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>
/// A built application: the resources' runtimes, the OTLP receiver and the dashboard. Start it, wait on
/// resources, stop or restart them; disposing it stops every child process.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly List<ResourceRuntime> _runtimes;
    private readonly Dictionary<string, ResourceRuntime> _byName;
    private readonly DashboardServer _server;
    private readonly Lock _gate = new();
    private bool _started;
    private bool _stopped;

    internal DistributedApplication(DistributedApplicationBuilder builder, IReadOnlyList<Resource> resources)
    {
        Options = builder.Options;
        ContentRoot = builder.ContentRoot;
        DataDirectory = builder.DataDirectory;
        Configuration = Options.Configuration
            ?? typeof(DistributedApplication).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Debug";
        Directory.CreateDirectory(DataDirectory);

        // Ports are chosen now, so connection strings and URLs are known before anything starts.
        var statePath = Path.Combine(DataDirectory, "ports.json");
        var state = HostState.Load(statePath);

        // Before ports are checked: what a killed AppHost left on this data still holds them.
        var leftovers = KillLeftovers(DataDirectory, resources.OfType<RedisResource>().Where(r => state.Ports.ContainsKey(r.Name)).Select(r => state.Ports[r.Name]));
        if (leftovers > 0)
        {
            Report($"Killed {leftovers} process(es) left on {DataDirectory} by an AppHost that did not stop cleanly.");
            Thread.Sleep(500);
        }
        foreach (var resource in resources)
        {
            switch (resource)
            {
                case PostgresServerResource postgres:
                    postgres.Port = state.PersistentPort(postgres.Name);
                    postgres.Password = state.Secret($"{postgres.Name}-password");
                    break;
                case RedisResource redis:
                    redis.Port = state.PersistentPort(redis.Name);
                    break;
                case RabbitMQServerResource rabbit:
                    rabbit.Port = state.PersistentPort(rabbit.Name);
                    rabbit.DistributionPort = state.PersistentPort($"{rabbit.Name}-dist");
                    rabbit.EpmdPort = state.PersistentPort($"{rabbit.Name}-epmd");
                    break;
            }
        }

        foreach (var resource in resources.OfType<ProcessResource>())
        {
            foreach (var endpoint in resource.Endpoints)
            {
                int? fixedPort = Options.PortOverrides.TryGetValue(resource.Name, out var overridden) && endpoint.Name == "http" ? overridden : endpoint.FixedPort;
                if (fixedPort is { } port and > 0 && !Options.RandomizePorts)
                {
                    state.Take(port);
                    endpoint.Port = port;
                }
                else
                {
                    endpoint.Port = state.FreePort();
                }
            }
        }

        var dashboardPort = Options.DashboardPort is { } p and > 0 ? p : state.FreePort();
        state.Save(statePath);

        _server = new DashboardServer(this, dashboardPort, Options.DashboardPort is not null);
        _runtimes = [.. resources.Select(CreateRuntime)];
        _byName = _runtimes.ToDictionary(r => r.Resource.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Kills what an AppHost or a test fixture that was itself killed left running on a data directory; returns how
    /// many. Redis rewrites its process title, so it is found by its port (every port the directory recorded, unless given).
    /// </summary>
    public static int KillLeftovers(string dataDirectory, IEnumerable<int>? redisPorts = null)
    {
        var ports = redisPorts ?? HostState.Load(Path.Combine(dataDirectory, "ports.json")).Ports.Values;
        List<string> commandLines = [.. ports.Select(p => $"redis-server 127.0.0.1:{p}"), dataDirectory + "/"];
        return ChildProcess.KillLeftovers($"{DataMarkerVariable}={dataDirectory}", commandLines);
    }

    /// <summary>Set on every child: lets a later AppHost on the same data find what a killed one left behind.</summary>
    internal const string DataMarkerVariable = "IDM_APPHOST_DATA";

    /// <summary>Creates a builder from explicit options (tests, the end-to-end fixture).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
        => new DistributedApplicationBuilder(options);

    /// <summary>
    /// Creates a builder from the command line: --dashboard-port, --gateway-port, --data-dir
    /// (or IDM_DASHBOARD_PORT / IDM_GATEWAY_PORT), printing the orchestrator's messages to the console.
    /// </summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = new DistributedApplicationOptions { Log = line => Console.WriteLine(line) };
        string? Arg(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
        }

        if ((Arg("--dashboard-port") ?? System.Environment.GetEnvironmentVariable("IDM_DASHBOARD_PORT")) is { Length: > 0 } dashboard)
        {
            options.DashboardPort = int.Parse(dashboard, CultureInfo.InvariantCulture);
        }

        if ((Arg("--gateway-port") ?? System.Environment.GetEnvironmentVariable("IDM_GATEWAY_PORT")) is { Length: > 0 } gateway)
        {
            options.PortOverrides["gateway"] = int.Parse(gateway, CultureInfo.InvariantCulture);
        }

        if (Arg("--data-dir") is { Length: > 0 } dataDir)
        {
            options.DataDirectory = Path.GetFullPath(dataDir);
        }

        return new DistributedApplicationBuilder(options);
    }

    public DistributedApplicationOptions Options { get; }

    public string ContentRoot { get; }

    public string DataDirectory { get; }

    /// <summary>The build configuration whose output projects are run from.</summary>
    public string Configuration { get; }

    /// <summary>Spans and logs received over OTLP.</summary>
    public TelemetryStore Telemetry { get; } = new();

    /// <summary>Where services send OTLP/HTTP (http/protobuf).</summary>
    public Uri OtlpEndpoint => _server.BaseUri;

    /// <summary>The dashboard's address, or null when it is off.</summary>
    public Uri? DashboardUrl => _server.DashboardEnabled ? _server.BaseUri : null;

    /// <summary>The link that logs a browser into the dashboard.</summary>
    public Uri? DashboardLoginUrl => _server.DashboardEnabled ? new Uri(_server.BaseUri, $"/login?t={_server.Token}") : null;

    public IReadOnlyList<ResourceSnapshot> Resources => [.. _runtimes.Select(r => r.Snapshot())];

    public ResourceSnapshot GetResource(string name) => Runtime(name).Snapshot();

    /// <summary>Every PID any resource started, with descendants seen (for checks that nothing is left).</summary>
    public IReadOnlyCollection<int> ProcessIds => [.. _runtimes.SelectMany(r => r.AllPids).Distinct()];

    public IReadOnlyList<ResourceLogLine> GetResourceLogs(string name, long afterSequence = 0) => Runtime(name).Logs.After(afterSequence);

    /// <summary>Starts the receiver, the dashboard and every resource in dependency order; returns once each has started or is waiting.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
        }

        await _server.StartAsync(cancellationToken);
        if (_server.DashboardEnabled)
        {
            Console.WriteLine($"Login to the dashboard at {DashboardLoginUrl}");
        }

        Report($"OTLP receiver at {OtlpEndpoint}; data in {DataDirectory}");
        foreach (var runtime in _runtimes)
        {
            await runtime.StartAsync();
        }

        while (_runtimes.Any(r => r.State is ResourceState.NotStarted or ResourceState.Starting))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Starts, then runs until Ctrl+C or SIGTERM, then stops everything.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        // Last resort if the process is ended another way: no child outlives it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillEverything();
        try
        {
            await StartAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        Console.WriteLine("Stopping…");
        await StopAsync();
        Console.WriteLine("Stopped.");
    }

    /// <summary>Stops projects and executables first, then databases, then servers.</summary>
    public async Task StopAsync()
    {
        lock (_gate)
        {
            // Resources may have been started one by one without StartAsync: stop them all the same.
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        await Task.WhenAll(_runtimes.Where(r => r.Resource is ProcessResource).Select(r => r.StopAsync()));
        await Task.WhenAll(_runtimes.Where(r => r.Resource is PostgresDatabaseResource).Select(r => r.StopAsync()));
        await Task.WhenAll(_runtimes.Where(r => r.Resource is not (ProcessResource or PostgresDatabaseResource)).Select(r => r.StopAsync()));
        await _server.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        KillEverything();
        await _server.DisposeAsync();
        foreach (var runtime in _runtimes)
        {
            runtime.Dispose();
        }
        if (Options.DeleteDataOnDispose && Directory.Exists(DataDirectory))
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException ex)
            {
                Report($"Could not delete {DataDirectory}: {ex.Message}");
            }
        }
    }

    public Task StopResourceAsync(string name, CancellationToken cancellationToken = default)
        => Runtime(name).StopAsync().WaitAsync(cancellationToken);

    public Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
        => Runtime(name).StartAsync().WaitAsync(cancellationToken);

    public async Task RestartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        await StopResourceAsync(name, cancellationToken);
        await StartResourceAsync(name, cancellationToken);
    }

    /// <summary>Waits until the resource is running and healthy; throws if it failed to start.</summary>
    public async Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var runtime = Runtime(name);
        while (true)
        {
            var snapshot = runtime.Snapshot();
            if (snapshot is { State: ResourceState.Running, Health: HealthStatus.Healthy })
            {
                return;
            }

            if (snapshot.State == ResourceState.FailedToStart)
            {
                throw new InvalidOperationException($"Resource '{name}' failed to start: {snapshot.Message}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits until the resource has the given state.</summary>
    public async Task WaitForResourceStateAsync(string name, ResourceState state, CancellationToken cancellationToken = default)
    {
        var runtime = Runtime(name);
        while (runtime.State != state)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The resource's http endpoint (or its first endpoint of any kind).</summary>
    public Uri GetEndpoint(string name, string endpointName = "http")
    {
        var runtime = Runtime(name);
        if (runtime.Resource is ProcessResource process)
        {
            var endpoint = process.Endpoints.FirstOrDefault(e => e.Name == endpointName) ?? throw new InvalidOperationException($"Resource '{name}' has no endpoint '{endpointName}'.");
            return new Uri(endpoint.Url.ToString().TrimEnd('/'));
        }

        return runtime.EndpointUrls is [var first, ..] ? new Uri(first) : throw new InvalidOperationException($"Resource '{name}' has no endpoint.");
    }

    public Task<string> GetConnectionStringAsync(string name, CancellationToken cancellationToken = default)
        => Runtime(name).Resource is IResourceWithConnectionString withConnectionString
            ? Task.FromResult(withConnectionString.GetConnectionString())
            : throw new InvalidOperationException($"Resource '{name}' has no connection string.");

    internal async Task WaitForDependencyAsync(string name, CancellationToken ct)
    {
        var runtime = Runtime(name);
        while (true)
        {
            var snapshot = runtime.Snapshot();
            if (snapshot is { State: ResourceState.Running, Health: HealthStatus.Healthy })
            {
                return;
            }

            if (snapshot.State == ResourceState.FailedToStart)
            {
                throw new InvalidOperationException($"Dependency resource '{name}' failed to start.");
            }

            await Task.Delay(100, ct);
        }
    }

    internal void Report(string message)
    {
        try
        {
            Options.Log?.Invoke($"{DateTime.Now:HH:mm:ss} {message}");
        }
        catch (InvalidOperationException)
        {
            // A test output helper refuses lines after its test; nothing to do.
        }
    }

    private ResourceRuntime Runtime(string name)
        => _byName.TryGetValue(name, out var runtime) ? runtime : throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    private ResourceRuntime CreateRuntime(Resource resource) => resource switch
    {
        PostgresServerResource postgres => new PostgresRuntime(postgres, this),
        PostgresDatabaseResource database => new DatabaseRuntime(database, this),
        RedisResource redis => new RedisRuntime(redis, this),
        RabbitMQServerResource rabbit => new RabbitMQRuntime(rabbit, this),
        ProcessResource process => new ProjectRuntime(process, this),
        _ => throw new NotSupportedException($"Resource type {resource.GetType().Name} is not supported."),
    };

    // Synchronous and idempotent: safe from ProcessExit, where nothing may be awaited.
    private void KillEverything()
    {
        var groups = _runtimes.SelectMany(r => r.LeaderPids).ToHashSet();
        foreach (var pid in _runtimes.SelectMany(r => r.AllPids))
        {
            ChildProcess.KillIfInGroups(pid, groups);
        }
    }
}
