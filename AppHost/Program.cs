using IdmPlatform.AppHost;
using IdmPlatform.Hosting;

// The platform: PostgreSQL (one database per service), Redis, RabbitMQ, four services and the gateway.
var builder = DistributedApplication.CreateBuilder(args);
var keys = PlatformModel.AddPlatform(builder);

await using var app = builder.Build();

// On the first start, once the gateway is healthy, ingest the sample documents through it.
using var seeding = new CancellationTokenSource();
_ = Task.Run(async () =>
{
    try
    {
        await app.WaitForResourceHealthyAsync("gateway", seeding.Token);
        using var gateway = new HttpClient { BaseAddress = app.GetEndpoint("gateway"), Timeout = TimeSpan.FromSeconds(60) };
        var seeder = new SampleDataSeeder(gateway, Path.Combine(app.ContentRoot, "samples", "documents"), keys.Contributor, line => Console.WriteLine($"seed: {line}"));
        await seeder.SeedOnceAsync(app.DataDirectory, seeding.Token);
    }
    catch (OperationCanceledException)
    {
    }
    catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
    {
        Console.WriteLine($"seed: not done ({ex.Message})");
    }
});

Console.WriteLine($"Gateway: {app.GetEndpoint("gateway")}");
// Writes need an X-Api-Key; the keys live in the data folder (git-ignored) and stay the same from one start to the next.
foreach (var (role, key) in keys.ByRole)
{
    Console.WriteLine($"API key ({role}): {key}");
}

await app.RunAsync();
await seeding.CancelAsync();
