using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using IdmPlatform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace IdmPlatform.AppHost;

/// <summary>
/// A dashboard button on the search resource: every replica rebuilds its index from the catalogue (through the
/// gateway, with the admin key), and the search resource's console log shows each one's progress until all are done.
/// scripts/rebuild-search.sh does the same from a shell.
/// </summary>
public static class SearchRebuildCommand
{
    public static IResourceBuilder<BuiltProjectResource> WithRebuildCommand(
        this IResourceBuilder<BuiltProjectResource> search, IResourceBuilder<BuiltProjectResource> gateway, PlatformData data) =>
        search.WithCommand(
            name: "rebuild-index",
            displayName: "Rebuild the search index",
            executeCommand: async context =>
            {
                var logger = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(search.Resource);
                using var client = new HttpClient { BaseAddress = new Uri(gateway.Resource.GetEndpoint("http").Url) };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/search/rebuild");
                request.Headers.Add("X-Api-Key", data.Keys.Admin);
                var asked = DateTimeOffset.UtcNow;
                using var response = await client.SendAsync(request, context.CancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return CommandResults.Failure($"The gateway answered {(int)response.StatusCode}.");
                }

                var done = new HashSet<string>();
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                while (done.Count < data.SearchReplicas && await timer.WaitForNextTickAsync(context.CancellationToken))
                {
                    var status = await client.GetFromJsonAsync<JsonElement>("/api/search/status", context.CancellationToken);
                    var replica = status.GetProperty("replica").GetString()!;
                    if (status.GetProperty("rebuilding") is { ValueKind: JsonValueKind.Object } progress)
                    {
                        logger.LogInformation("Rebuild: replica {Replica} has loaded {Loaded:N0} statements.", replica, progress.GetProperty("loaded").GetInt32());
                    }
                    else if (status.GetProperty("lastBuild") is { ValueKind: JsonValueKind.Object } last
                             && last.GetProperty("finishedAt").GetDateTimeOffset() > asked && done.Add(replica))
                    {
                        logger.LogInformation("Rebuild: replica {Replica} done, {Statements:N0} statements in {Seconds} s.",
                            replica, last.GetProperty("statements").GetInt32(), last.GetProperty("seconds").GetDouble());
                    }
                }

                return CommandResults.Success();
            },
            commandOptions: new CommandOptions
            {
                Description = "Every search replica rebuilds its index from the catalogue's export beside the one it serves, then swaps.",
                IconName = "ArrowSync",
                UpdateState = context => context.ResourceSnapshot.HealthStatus is HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
            });
}
