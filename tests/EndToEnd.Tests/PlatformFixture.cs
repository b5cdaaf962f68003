using Aspire.Hosting;
using Aspire.Hosting.Testing;
using IdmPlatform.AppHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started from the real AppHost by Aspire.Hosting.Testing: every server and service a real
/// process under Aspire's orchestrator, on random ports, with throw-away data and no sample seeding.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"idm-e2e-{Guid.NewGuid():N}"[..20]);

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The keys the AppHost created for this run; writes through the gateway need one.</summary>
    public PlatformKeys Keys { get; private set; } = null!;

    /// <summary>The mail the platform sent, as the AppHost's mail catcher kept it.</summary>
    public IdmPlatform.Testing.CaughtMail Mail => new(Path.Combine(_dataDirectory, "mail"));

    /// <summary>The repository's sample documents, as the AppHost finds them.</summary>
    public string SampleFolder { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.IdmPlatform_AppHost>(
            [$"--Platform:DataDirectory={_dataDirectory}", "--Platform:Ephemeral=true", "--Platform:SeedSampleData=false", "--Platform:RateLimit=1000000"],
            timeout.Token);
        appHost.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        SampleFolder = PlatformData.SampleFolder(appHost);

        App = await appHost.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Keys = PlatformKeys.LoadOrCreate(_dataDirectory);
        Gateway = App.CreateHttpClient("gateway");
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
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
            // A server still closing its files; /tmp is cleared in time.
        }
    }
}

[CollectionDefinition(nameof(PlatformCollection))]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
