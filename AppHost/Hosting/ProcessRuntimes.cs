using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IdmPlatform.Hosting;

/// <summary>
/// A resource backed by processes: launches them, watches health, restarts the main one with
/// exponential back-off when it exits on its own, and stops the whole tree when asked.
/// </summary>
internal abstract class ProcessRuntime(Resource resource, DistributedApplication app) : ResourceRuntime(resource, app)
{
    private static readonly string[] NotInherited = ["ASPNETCORE_URLS", "DOTNET_LAUNCH_PROFILE", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];
    private readonly List<ChildProcess> _processes = [];

    protected virtual TimeSpan HealthyInterval => TimeSpan.FromSeconds(5);

    /// <summary>Starts the processes (helpers included) and returns the main one, whose exit ends a run.</summary>
    protected abstract Task<ChildProcess> LaunchAsync(CancellationToken ct);

    /// <summary>Graceful stop of this run's processes; the default sends SIGTERM to the group.</summary>
    protected virtual async Task StopMainAsync(ChildProcess main)
        => await main.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(App.Options.FastUnsafeStorage ? 3 : 10), wholeGroup: true);

    protected override async Task RunCoreAsync(CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            SetState(ResourceState.Starting, null);
            ChildProcess main;
            try
            {
                main = await LaunchAsync(ct);
            }
            catch
            {
                await KillAllAsync();
                throw;
            }

            Pid = main.Pid;
            ExitCode = null;
            SetState(ResourceState.Running, null);
            var runStarted = DateTime.UtcNow;
            using (var healthCts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var monitor = MonitorHealthAsync(HealthyInterval, healthCts.Token);
                var cancelled = new TaskCompletionSource();
                await using (ct.Register(() => cancelled.TrySetResult()))
                {
                    await Task.WhenAny(main.Exited, cancelled.Task);
                }

                await healthCts.CancelAsync();
                await monitor;
            }

            if (ct.IsCancellationRequested)
            {
                SetState(ResourceState.Stopping, null);
                await StopMainAsync(main);
                await KillAllAsync();
                ExitCode = main.HasExited ? await main.Exited : null;
                SetState(ResourceState.Exited, null);
                return;
            }

            ExitCode = await main.Exited;
            Log($"Process {main.Pid} exited unexpectedly with code {ExitCode}.", isError: true);
            await KillAllAsync();
            SetState(ResourceState.Exited, $"exit code {ExitCode}");

            // A run that lasted a while resets the back-off: 1 s, 2 s, 4 s … capped at 30 s.
            if (DateTime.UtcNow - runStarted > TimeSpan.FromSeconds(60))
            {
                failures = 0;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
            failures++;
            Log($"Restarting in {delay.TotalSeconds:0} s.");
            await Task.Delay(delay, ct);
            RestartCount++;
        }
    }

    /// <summary>Starts a process of this resource, its output going to the resource's log.</summary>
    protected ChildProcess Launch(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var process = ChildProcess.Start(fileName, arguments, workingDirectory, environment, Logs.Add);
        lock (_processes)
        {
            _processes.Add(process);
            AllPids.Add(process.Pid);
            LeaderPids.Add(process.Pid);
        }

        return process;
    }

    /// <summary>Kills whatever this run started that is still alive, and forgets it.</summary>
    protected async Task KillAllAsync()
    {
        List<ChildProcess> processes;
        lock (_processes)
        {
            processes = [.. _processes];
            _processes.Clear();
        }

        foreach (var process in processes)
        {
            process.KillTree();
        }

        foreach (var process in processes)
        {
            await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(2)));
            lock (_processes)
            {
                AllPids.UnionWith(process.KnownPids);
            }

            process.Dispose();
        }
    }

    /// <summary>The AppHost's environment minus what Aspire does not pass on, plus the given variables.</summary>
    protected Dictionary<string, string?> Environment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var environment = NotInherited.ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
        environment[DistributedApplication.DataMarkerVariable] = App.DataDirectory;
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return environment;
    }

    protected static async Task<int> RunToEndAsync(ChildProcess process, TimeSpan timeout)
    {
        var finished = await Task.WhenAny(process.Exited, Task.Delay(timeout));
        if (finished != process.Exited)
        {
            process.KillTree();
            throw new TimeoutException($"Process {process.Pid} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return await process.Exited;
    }

    protected static async Task WaitForPortAsync(int port, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (HostState.IsFree(port) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
        }
    }
}

/// <summary>Projects and executables: Aspire's contract in environment variables.</summary>
internal sealed class ProjectRuntime(ProcessResource resource, DistributedApplication app) : ProcessRuntime(resource, app)
{
    private readonly ProcessResource _resource = resource;

    public override IReadOnlyList<string> EndpointUrls => [.. _resource.Endpoints.Select(e => e.Url.ToString().TrimEnd('/'))];

    protected override bool HasHealthCheck => _resource.HealthCheckPath is not null;

    protected override Task<bool> CheckHealthAsync(CancellationToken ct)
    {
        var endpoint = _resource.Endpoints.First(e => e.Scheme == "http");
        return HealthProbes.HttpAsync(new Uri(endpoint.Url, _resource.HealthCheckPath), ct);
    }

    protected override Task<ChildProcess> LaunchAsync(CancellationToken ct)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        string fileName;
        List<string> arguments;
        string workingDirectory;
        if (_resource is ProjectResource project)
        {
            workingDirectory = Path.GetDirectoryName(project.ProjectPath)!;
            var assemblyName = Path.GetFileNameWithoutExtension(project.ProjectPath);
            var dll = Path.Combine(workingDirectory, "bin", App.Configuration, "net10.0", assemblyName + ".dll");
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"{dll} does not exist: run dotnet build first (configuration {App.Configuration}).");
            }

            fileName = DotnetHost();
            arguments = ["exec", dll, .. project.Arguments];
            AddProjectDefaults(variables);
        }
        else
        {
            var executable = (ExecutableResource)_resource;
            workingDirectory = executable.WorkingDirectory;
            fileName = executable.Command;
            arguments = [.. executable.Arguments];
        }

        foreach (var endpoint in _resource.Endpoints.Where(e => e.EnvironmentVariable is not null))
        {
            variables[endpoint.EnvironmentVariable!] = endpoint.Port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var reference in _resource.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    variables[$"ConnectionStrings__{reference.Name}"] = withConnectionString.GetConnectionString();
                    break;
                case ProcessResource service:
                    foreach (var group in service.Endpoints.GroupBy(e => e.Scheme))
                    {
                        var index = 0;
                        foreach (var endpoint in group)
                        {
                            variables[$"services__{service.Name}__{group.Key}__{index++}"] = endpoint.Url.ToString().TrimEnd('/');
                        }
                    }

                    break;
            }
        }

        // What the model sets explicitly wins.
        foreach (var (key, value) in _resource.Environment)
        {
            variables[key] = value;
        }

        Log($"Starting {fileName} {string.Join(' ', arguments)}");
        return Task.FromResult(Launch(fileName, arguments, workingDirectory, Environment(variables)));
    }

    private void AddProjectDefaults(Dictionary<string, string> variables)
    {
        var http = _resource.Endpoints.Where(e => e.EnvironmentVariable is null).Select(e => $"{e.Scheme}://localhost:{e.Port}");
        variables["ASPNETCORE_URLS"] = string.Join(';', http);
        variables["ASPNETCORE_ENVIRONMENT"] = "Development";
        variables["OTEL_SERVICE_NAME"] = _resource.Name;
        variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = App.OtlpEndpoint.ToString().TrimEnd('/');
        variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8)}";
        variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        variables["OTEL_TRACES_SAMPLER"] = "always_on";
        variables["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
        variables["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
    }

    // The dotnet host that runs the AppHost (DOTNET_HOST_PATH under dotnet run/test) runs the projects too.
    private static string DotnetHost()
    {
        var hostPath = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var processPath = System.Environment.ProcessPath;
        return processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
    }
}

/// <summary>PostgreSQL 15 run as the postgres user (it refuses root), initialised on first start.</summary>
internal sealed class PostgresRuntime(PostgresServerResource resource, DistributedApplication app) : ProcessRuntime(resource, app)
{
    private readonly PostgresServerResource _resource = resource;

    public override IReadOnlyList<string> EndpointUrls => [$"tcp://localhost:{_resource.Port}"];

    protected override Task<bool> CheckHealthAsync(CancellationToken ct)
        => HealthProbes.PostgresAsync($"{_resource.GetConnectionString()};Database=postgres", ct);

    protected override async Task<ChildProcess> LaunchAsync(CancellationToken ct)
    {
        var bin = FindBin();
        var root = Path.Combine(App.DataDirectory, _resource.Name);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        await ChownAsync(root, ct);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }

            var passwordFile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(passwordFile, _resource.Password + "\n", ct);
            await ChownAsync(passwordFile, ct);
            Log("Initialising a new database cluster (initdb).");
            var initdb = Launch(
                "setpriv",
                [.. AsPostgres(), Path.Combine(bin, "initdb"), "-D", data, "-U", PostgresServerResource.UserName, "--pwfile", passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                root,
                Environment([]));
            var code = await RunToEndAsync(initdb, TimeSpan.FromSeconds(60));
            File.Delete(passwordFile);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {code}; see the log.");
            }
        }

        List<string> arguments =
        [
            .. AsPostgres(), Path.Combine(bin, "postgres"), "-D", data,
            "-p", _resource.Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: no Unix socket whose path length or folder could get in the way.
            "-k", string.Empty,
            "-c", "max_connections=300",
        ];
        if (App.Options.FastUnsafeStorage)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return Launch("setpriv", arguments, root, Environment([]));
    }

    // SIGINT is PostgreSQL's fast shutdown: sessions are ended, the data stays consistent.
    protected override Task StopMainAsync(ChildProcess main)
        => main.StopAsync(ChildProcess.SigInt, TimeSpan.FromSeconds(15), wholeGroup: false);

    private static string[] AsPostgres() => ["--reuid=postgres", "--regid=postgres", "--init-groups", "--"];

    private static string FindBin()
    {
        var preferred = "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(preferred, "postgres")))
        {
            return preferred;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres"))).Order().LastOrDefault()
                ?? throw new FileNotFoundException("PostgreSQL binaries not found: run scripts/install-prerequisites.sh.")
            : throw new FileNotFoundException("PostgreSQL binaries not found under /usr/lib/postgresql: run scripts/install-prerequisites.sh.");
    }

    private async Task ChownAsync(string path, CancellationToken ct)
    {
        if (System.Environment.UserName != "root")
        {
            return;
        }

        var chown = ChildProcess.Start("chown", ["-R", "postgres:postgres", path], "/", new Dictionary<string, string?>(), Logs.Add);
        using (chown)
        {
            var finished = await Task.WhenAny(chown.Exited, Task.Delay(TimeSpan.FromSeconds(30), ct));
            if (finished != chown.Exited || await chown.Exited != 0)
            {
                throw new InvalidOperationException($"Could not give {path} to the postgres user.");
            }
        }
    }
}

/// <summary>A database on a server: created by the AppHost once the server is healthy (42P04 means it exists).</summary>
internal sealed class DatabaseRuntime(PostgresDatabaseResource resource, DistributedApplication app) : ResourceRuntime(resource, app)
{
    private readonly PostgresDatabaseResource _resource = resource;

    public override IReadOnlyList<string> EndpointUrls => [$"tcp://localhost:{_resource.Parent.Port}/{_resource.DatabaseName}"];

    protected override IEnumerable<IResource> AllWaits() => [_resource.Parent, .. _resource.WaitsFor];

    protected override Task<bool> CheckHealthAsync(CancellationToken ct) => HealthProbes.PostgresAsync(_resource.GetConnectionString(), ct);

    protected override async Task RunCoreAsync(CancellationToken ct)
    {
        SetState(ResourceState.Starting, null);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection($"{_resource.Parent.GetConnectionString()};Database=postgres;Pooling=false");
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_resource.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await command.ExecuteNonQueryAsync(ct);
                Log($"Created database {_resource.DatabaseName}.");
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                Log($"Database {_resource.DatabaseName} already exists.");
                break;
            }
            catch (Exception ex) when (attempt < 5 && ex is NpgsqlException or IOException)
            {
                Log($"Creating database {_resource.DatabaseName} failed ({ex.Message}); retrying.", isError: true);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }

        SetState(ResourceState.Running, null);
        await MonitorHealthAsync(TimeSpan.FromSeconds(5), ct);
        SetState(ResourceState.Exited, null);
    }
}

/// <summary>Redis 7, persistence off for tests, append-only file for the platform's own data.</summary>
internal sealed class RedisRuntime(RedisResource resource, DistributedApplication app) : ProcessRuntime(resource, app)
{
    private readonly RedisResource _resource = resource;

    public override IReadOnlyList<string> EndpointUrls => [$"tcp://localhost:{_resource.Port}"];

    protected override Task<bool> CheckHealthAsync(CancellationToken ct) => HealthProbes.RedisAsync(_resource.Port, ct);

    protected override Task<ChildProcess> LaunchAsync(CancellationToken ct)
    {
        var dir = Path.Combine(App.DataDirectory, _resource.Name);
        Directory.CreateDirectory(dir);
        var persistence = App.Options.FastUnsafeStorage ? "no" : "yes";
        return Task.FromResult(Launch(
            "redis-server",
            ["--bind", "127.0.0.1", "--port", _resource.Port.ToString(CultureInfo.InvariantCulture), "--save", string.Empty,
                "--appendonly", persistence, "--daemonize", "no", "--dir", dir],
            dir,
            Environment([])));
    }
}

/// <summary>
/// RabbitMQ 3.10 through its real start script (the Debian wrapper switches user and breaks here), with
/// its own epmd on loopback, so nothing binds 0.0.0.0:4369 or outlives the AppHost.
/// </summary>
internal sealed class RabbitMQRuntime(RabbitMQServerResource resource, DistributedApplication app) : ProcessRuntime(resource, app)
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly RabbitMQServerResource _resource = resource;
    private ChildProcess? _epmd;

    public override IReadOnlyList<string> EndpointUrls => [$"amqp://localhost:{_resource.Port}"];

    // Each check is an AMQP handshake the broker logs as a dropped connection: keep them sparse once healthy.
    protected override TimeSpan HealthyInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> CheckHealthAsync(CancellationToken ct) => HealthProbes.RabbitMQAsync(_resource.Port, ct);

    protected override async Task<ChildProcess> LaunchAsync(CancellationToken ct)
    {
        if (!File.Exists(Server))
        {
            throw new FileNotFoundException($"{Server} not found: run scripts/install-prerequisites.sh.");
        }

        var root = Path.Combine(App.DataDirectory, _resource.Name);
        string home = Path.Combine(root, "home"), etc = Path.Combine(root, "etc"), logs = Path.Combine(root, "log");
        foreach (var dir in new[] { home, etc, logs, Path.Combine(root, "mnesia") })
        {
            Directory.CreateDirectory(dir);
        }

        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 32), ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
            }
        }

        var port = _resource.Port.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(etc, "rabbitmq-env.conf"), string.Empty, ct);
        // No plugins: the management UI would add seconds to every boot.
        await File.WriteAllTextAsync(Path.Combine(etc, "enabled_plugins"), "[].\n", ct);
        await File.WriteAllTextAsync(
            Path.Combine(etc, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{port}\nlog.console = true\nlog.console.level = info\nlog.file = false\n",
            ct);

        var epmdPort = _resource.EpmdPort.ToString(CultureInfo.InvariantCulture);
        _epmd = Launch("epmd", ["-port", epmdPort, "-address", "127.0.0.1"], root, Environment([]));
        await WaitForPortAsync(_resource.EpmdPort, TimeSpan.FromSeconds(5), ct);

        // A node name unique to this data folder: two AppHosts never clash even on one epmd.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..8];
        var environment = Environment(new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(etc, "rabbitmq-env.conf"),
            ["RABBITMQ_NODENAME"] = $"{_resource.Name}-{hash}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port,
            ["RABBITMQ_DIST_PORT"] = _resource.DistributionPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = logs,
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(etc, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(etc, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(etc, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        });
        return Launch(Server, [], root, environment);
    }

    // The start script traps SIGTERM and stops the broker cleanly (8–13 s); throw-away data is just killed.
    protected override async Task StopMainAsync(ChildProcess main)
    {
        if (App.Options.FastUnsafeStorage)
        {
            main.KillTree();
        }
        else
        {
            await main.StopAsync(ChildProcess.SigTerm, TimeSpan.FromSeconds(15), wholeGroup: false);
        }

        _epmd?.KillTree();
    }
}
