using Aspire.Hosting.ApplicationModel;
using IdmPlatform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace IdmPlatform.AppHost;

/// <summary>What the gateway resource carries besides its references: the API keys and the sample data.</summary>
public static class GatewayResourceExtensions
{
    /// <summary>The gateway signs what it forwards with this key; each service accepts writes signed with it only.</summary>
    public static IResourceBuilder<BuiltProjectResource> WithGatewaySigningKey(this IResourceBuilder<BuiltProjectResource> resource, PlatformData data) =>
        resource.WithEnvironment("Gateway__SigningKey", data.SigningKey);

    /// <summary>The gateway knows the keys only by their hashes; the keys themselves are printed once it is ready.</summary>
    public static IResourceBuilder<BuiltProjectResource> WithApiKeys(this IResourceBuilder<BuiltProjectResource> gateway, PlatformKeys keys)
    {
        foreach (var (index, (role, key)) in keys.ByRole.Index())
        {
            gateway.WithEnvironment($"ApiKeys__Keys__{index}__Name", $"local-{role}")
                .WithEnvironment($"ApiKeys__Keys__{index}__Role", role)
                .WithEnvironment($"ApiKeys__Keys__{index}__Hash", PlatformKeys.Hash(key));
        }

        return gateway.OnResourceReady((resource, _, _) =>
        {
            Console.WriteLine($"Gateway: {resource.GetEndpoint("http").Url}");
            foreach (var (role, key) in keys.ByRole)
            {
                Console.WriteLine($"API key ({role}): {key}");
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Ingests the sample documents through the gateway on the platform's first start (a marker in the data folder
    /// remembers it), and gives the gateway a dashboard button that ingests them again.
    /// </summary>
    public static IResourceBuilder<BuiltProjectResource> WithSampleData(this IResourceBuilder<BuiltProjectResource> gateway, PlatformData data)
    {
        var folder = PlatformData.SampleFolder(gateway.ApplicationBuilder);
        // One client for every seeding; the gateway's address is known once its endpoint is allocated.
        HttpClient? client = null;
        SampleDataSeeder Seeder(ILogger logger) => new(
            client ??= new HttpClient { BaseAddress = new Uri(gateway.Resource.GetEndpoint("http").Url), Timeout = TimeSpan.FromSeconds(60) },
            folder,
            data.Keys.Contributor,
            line => logger.LogInformation("{Line}", line));

        if (data.SeedSampleData)
        {
            gateway.OnResourceReady((_, ready, _) =>
            {
                var logger = ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(gateway.Resource);
                // In the background: the event's other subscribers (dependants waiting on the gateway) need not wait.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await Seeder(logger).SeedOnceAsync(data.Directory, CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                    {
                        logger.LogWarning("Sample documents not ingested: {Reason}", ex.Message);
                    }
                }, CancellationToken.None);
                return Task.CompletedTask;
            });
        }

        return gateway.WithCommand(
            name: "ingest-samples",
            displayName: "Ingest the sample documents",
            executeCommand: async context =>
            {
                var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(gateway.Resource);
                var (jobIds, allAccepted) = await Seeder(logger).SeedAsync(context.CancellationToken);
                return allAccepted
                    ? CommandResults.Success()
                    : CommandResults.Failure($"{jobIds.Count} accepted; see the gateway's console log for the refusals.");
            },
            commandOptions: new CommandOptions
            {
                Description = $"Posts every document in {folder} through the gateway with the contributor key.",
                IconName = "DocumentArrowUp",
                UpdateState = context => context.ResourceSnapshot.HealthStatus is HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
            });
    }
}
