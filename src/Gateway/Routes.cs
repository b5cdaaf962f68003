using Yarp.ReverseProxy.Configuration;

namespace IdmPlatform.Gateway;

/// <summary>
/// The gateway's routing table: each service owns one path prefix of the public API. Destinations come
/// from the AppHost's service-discovery variables (services__name__http__0, __1… for a service with replicas).
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
            // Replicas take turns, so each one's share of the load (and of a client's requests) is even.
            LoadBalancingPolicy = Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies.RoundRobin,
            Destinations = ServiceAddresses(configuration, service)
                .Select((address, i) => (Id: $"{service}-{i}", Address: address))
                .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.Address }),
        })
        .ToList();

    public static string ServiceAddress(IConfiguration configuration, string service) => ServiceAddresses(configuration, service)[0];

    /// <summary>Every replica's address, in order.</summary>
    public static IReadOnlyList<string> ServiceAddresses(IConfiguration configuration, string service)
    {
        var addresses = Enumerable.Range(0, int.MaxValue).Select(i => configuration[$"services:{service}:http:{i}"]).TakeWhile(a => a is not null).OfType<string>().ToList();
        return addresses.Count > 0 ? addresses : throw new InvalidOperationException($"No address for '{service}': set services__{service}__http__0.");
    }
}
