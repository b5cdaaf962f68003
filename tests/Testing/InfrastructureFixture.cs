using System.Globalization;
using IdmPlatform.Hosting;
using Xunit;

namespace IdmPlatform.Testing;

/// <summary>
/// Real PostgreSQL (one database), Redis and RabbitMQ for one test assembly, started from the machine's
/// binaries by the AppHost's own orchestration code on free ports, with throw-away data.
/// A fixture starts only the servers its service uses.
/// </summary>
public class InfrastructureFixture(string? databaseName, bool withEventBus = true) : IAsyncLifetime
{
    private const string RunPrefix = "idm-tests-";
    private const string OwnerFile = "owner.pid";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Guid.NewGuid():N}"[..24]);

    public DistributedApplication App { get; private set; } = null!;

    public string DatabaseName => databaseName ?? throw new InvalidOperationException("This fixture has no database.");

    public string DatabaseConnectionString { get; private set; } = string.Empty;

    public string RedisConnectionString { get; private set; } = string.Empty;

    public string EventBusConnectionString { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        RemoveAbandonedRuns(Path.GetTempPath());
        Directory.CreateDirectory(_dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = _dataDirectory,
            DashboardPort = null,
            RandomizePorts = true,
            FastUnsafeStorage = true,
            DeleteDataOnDispose = true,
        });
        var resources = new List<string> { "redis" };
        builder.AddRedis("redis");
        if (databaseName is not null)
        {
            builder.AddPostgres("postgres").AddDatabase(databaseName);
            resources.Add(databaseName);
        }

        if (withEventBus)
        {
            builder.AddRabbitMQ("eventbus");
            resources.Add("eventbus");
        }

        App = builder.Build();
        await App.StartAsync(timeout.Token);
        foreach (var resource in resources)
        {
            await App.WaitForResourceHealthyAsync(resource, timeout.Token);
            // A service under test reads its connection strings the way the AppHost hands them over.
            Environment.SetEnvironmentVariable($"ConnectionStrings__{resource}", await App.GetConnectionStringAsync(resource, timeout.Token));
        }

        RedisConnectionString = await App.GetConnectionStringAsync("redis", timeout.Token);
        DatabaseConnectionString = databaseName is null ? string.Empty : await App.GetConnectionStringAsync(databaseName, timeout.Token);
        EventBusConnectionString = withEventBus ? await App.GetConnectionStringAsync("eventbus", timeout.Token) : string.Empty;
    }

    /// <summary>
    /// A test run that was killed (a timeout, Ctrl+C on the runner) could not stop its servers: the next run stops
    /// them and deletes their data. A run is abandoned when the process that wrote its owner file is gone.
    /// </summary>
    public static int RemoveAbandonedRuns(string parent)
    {
        var removed = 0;
        foreach (var directory in Directory.GetDirectories(parent, $"{RunPrefix}*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            DistributedApplication.KillLeftovers(directory);
            try
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A server still closing its files; the next run tries again.
            }
        }

        return removed;
    }

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
