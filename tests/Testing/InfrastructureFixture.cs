using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using IdmPlatform.Hosting;
using Xunit;

namespace IdmPlatform.Testing;

/// <summary>
/// Real PostgreSQL (one database), Redis, RabbitMQ and a mail catcher for one test assembly, started through the
/// AppHost's own resource types by Aspire's orchestrator on free ports, with throw-away data. A fixture starts only
/// the servers its service uses.
/// </summary>
public class InfrastructureFixture(string? databaseName, bool withEventBus = true, bool withMail = false) : IAsyncLifetime
{
    private const string RunPrefix = "idm-tests-";
    private const string OwnerFile = "owner.pid";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"{RunPrefix}{Guid.NewGuid():N}"[..24]);

    public DistributedApplication App { get; private set; } = null!;

    public string DatabaseName => databaseName ?? throw new InvalidOperationException("This fixture has no database.");

    public string DatabaseConnectionString { get; private set; } = string.Empty;

    public string RedisConnectionString { get; private set; } = string.Empty;

    public string EventBusConnectionString { get; private set; } = string.Empty;

    /// <summary>What the mail catcher was given.</summary>
    public CaughtMail Mail
    {
        get => field ?? throw new InvalidOperationException("This fixture has no mail server.");
        private set;
    }

    /// <summary>The service's database, for checking what it stored.</summary>
    public Npgsql.NpgsqlDataSource Database => field ??= Npgsql.NpgsqlDataSource.Create(DatabaseConnectionString);

    /// <summary>Whether the service's inbox recorded the event: a consumer handled it (and committed what it did).</summary>
    public async Task<bool> WasHandledAsync(Guid eventId)
    {
        await using var command = Database.CreateCommand("SELECT EXISTS (SELECT 1 FROM inbox_messages WHERE event_id = @id)");
        command.Parameters.AddWithValue("id", eventId);
        return await command.ExecuteScalarAsync() is true;
    }

    public virtual async Task InitializeAsync()
    {
        RemoveAbandonedRuns(Path.GetTempPath());
        Directory.CreateDirectory(_dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(_dataDirectory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = DistributedApplicationTestingBuilder.Create();
        List<string> resources = ["redis"];
        builder.AddRedisExecutable("redis", Path.Combine(_dataDirectory, "redis"), durable: false);
        if (databaseName is not null)
        {
            builder.AddPostgresExecutable("postgres", Path.Combine(_dataDirectory, "postgres"), durable: false).AddDatabase(databaseName);
            resources.Add(databaseName);
        }

        if (withEventBus)
        {
            builder.AddRabbitMQExecutable("eventbus", Path.Combine(_dataDirectory, "eventbus"));
            resources.Add("eventbus");
        }

        if (withMail)
        {
            Mail = new CaughtMail(builder.AddMailCatcherExecutable("mail", Path.Combine(_dataDirectory, "mail")).Resource.MailDirectory);
            resources.Add("mail");
        }

        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        foreach (var resource in resources)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            // A service under test reads its connection strings the way the AppHost hands them over.
            Environment.SetEnvironmentVariable($"ConnectionStrings__{resource}", await App.GetConnectionStringAsync(resource, timeout.Token));
        }

        RedisConnectionString = await App.GetConnectionStringAsync("redis", timeout.Token) ?? string.Empty;
        DatabaseConnectionString = databaseName is null ? string.Empty : await App.GetConnectionStringAsync(databaseName, timeout.Token) ?? string.Empty;
        EventBusConnectionString = withEventBus ? await App.GetConnectionStringAsync("eventbus", timeout.Token) ?? string.Empty : string.Empty;
    }

    /// <summary>Stops a server the way the dashboard's Stop button does, and waits until it has exited.</summary>
    public async Task StopServerAsync(string resource, CancellationToken ct)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, ct);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], ct);
    }

    /// <summary>Starts a stopped server again and waits until it is healthy.</summary>
    public async Task StartServerAsync(string resource, CancellationToken ct)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, ct);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, ct);
    }

    /// <summary>
    /// A test run that was killed (a timeout, Ctrl+C on the runner) could not delete its data; the orchestrator
    /// stopped its servers when it saw the run go. The next run deletes what was left: a run is abandoned when the
    /// process that wrote its owner file is gone.
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
        if (databaseName is not null)
        {
            await Database.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's clean-up.
        }
    }
}
