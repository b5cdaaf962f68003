using IdmPlatform.Search.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Search.Indexing;

/// <summary>A replica is healthy once its first build from the catalogue is in: before, it would answer from an empty index.</summary>
public sealed class IndexHealthCheck(SearchEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.IsReady
            ? HealthCheckResult.Healthy($"{engine.Count:N0} statements indexed.")
            : HealthCheckResult.Unhealthy(engine.Rebuilding is { } progress
                ? $"Building the index from the catalogue: {progress.Loaded:N0} statements so far."
                : "Waiting for the catalogue to build the index from."));
}
