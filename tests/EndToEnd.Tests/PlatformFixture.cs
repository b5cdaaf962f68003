using IdmPlatform.AppHost;
using IdmPlatform.Hosting;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started by the AppHost's own model and orchestration code the way
/// Aspire.Hosting.Testing starts an AppHost: every server and service as a real process, on free
/// ports, with throw-away data.
/// </summary>
public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"idm-e2e-{Guid.NewGuid():N}"[..20]);

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The keys the AppHost created for this run; writes through the gateway need one.</summary>
    public PlatformKeys Keys { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = _dataDirectory,
            DashboardPort = null,
            RandomizePorts = true,
            FastUnsafeStorage = true,
            DeleteDataOnDispose = true,
            ResourceLog = line => diagnostics.OnMessage(new DiagnosticMessage(line.ToString())),
        });
        Keys = PlatformModel.AddPlatform(builder);
        App = builder.Build();
        await App.StartAsync(timeout.Token);
        await App.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = new HttpClient { BaseAddress = App.GetEndpoint("gateway") };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(PlatformCollection))]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
