using Xunit.Abstractions;
using Xunit.Sdk;

namespace IdmPlatform.Hosting.Tests;

/// <summary>PostgreSQL (with one database), Redis and RabbitMQ started once for the collection, on free ports, throw-away data.</summary>
public sealed class ServersFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string Database = "hostingtestdb";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"idm-hosting-{Guid.NewGuid():N}"[..24]);

    public DistributedApplication App { get; private set; } = null!;

    public TimeSpan ColdStart { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = DataDirectory,
            DashboardPort = 0,
            RandomizePorts = true,
            FastUnsafeStorage = true,
            DeleteDataOnDispose = true,
            Log = line => diagnostics.OnMessage(new DiagnosticMessage(line)),
        });
        builder.AddPostgres("postgres").AddDatabase(Database);
        builder.AddRedis("redis");
        builder.AddRabbitMQ("eventbus");
        App = builder.Build();
        var started = DateTime.UtcNow;
        await App.StartAsync(timeout.Token);
        foreach (var name in new[] { "postgres", Database, "redis", "eventbus" })
        {
            await App.WaitForResourceHealthyAsync(name, timeout.Token);
        }

        ColdStart = DateTime.UtcNow - started;
        diagnostics.OnMessage(new DiagnosticMessage($"Servers healthy after {ColdStart.TotalSeconds:0.0} s"));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(ServersCollection))]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>;
