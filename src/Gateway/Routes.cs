using Yarp.ReverseProxy.Configuration;

namespace IdmPlatform.Gateway;

/// <summary>
/// The gateway's routing table: each service owns one path prefix of the public API. Destinations come
/// from the AppHost's service-discovery variables (services__name__http__0).
/// </summary>
public static class Routes
{
    public static readonly IReadOnlyList<string> Services = ["ingestion", "catalogue", "search", "notifications"];

    public static IReadOnlyList<RouteConfig> All { get; } = Services
        .Select(service => new RouteConfig
        {
            RouteId = service,
            ClusterId = service,
            Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
        })
        // /api/search itself, without a trailing segment.
        .Append(new RouteConfig { RouteId = "search-root", ClusterId = "search", Match = new RouteMatch { Path = "/api/search" } })
        .ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) => Services
        .Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [$"{service}-0"] = new() { Address = ServiceAddress(configuration, service) },
            },
        })
        .ToList();

    public static string ServiceAddress(IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"]
        ?? throw new InvalidOperationException($"No address for '{service}': set services__{service}__http__0.");
}
