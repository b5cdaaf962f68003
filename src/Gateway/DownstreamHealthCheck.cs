using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Gateway;

/// <summary>The gateway is only as healthy as the services behind it: its /health asks each of theirs, every replica.</summary>
public sealed class DownstreamHealthCheck(IHttpClientFactory httpClientFactory, IConfiguration configuration, string service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = httpClientFactory.CreateClient(nameof(DownstreamHealthCheck));
        foreach (var (address, replica) in Routes.ServiceAddresses(configuration, service).Select((a, i) => (a, i)))
        {
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(address), "/health"), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return new HealthCheckResult(context.Registration.FailureStatus, $"{service} (replica {replica}) answered {(int)response.StatusCode}.");
                }
            }
            catch (HttpRequestException ex)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"{service} (replica {replica}) is unreachable.", ex);
            }
        }

        return HealthCheckResult.Healthy();
    }
}

public static class DownstreamHealthCheckExtensions
{
    public static IServiceCollection AddDownstreamHealthChecks(this IServiceCollection services, IEnumerable<string> names)
    {
        // A probe must answer fast and once: no retries behind it.
        services.AddHttpClient(nameof(DownstreamHealthCheck), client => client.Timeout = TimeSpan.FromSeconds(5));
        var checks = services.AddHealthChecks();
        foreach (var name in names)
        {
            checks.Add(new HealthCheckRegistration(name,
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IConfiguration>(), name),
                HealthStatus.Unhealthy, ["ready"]));
        }

        return services;
    }
}
