using IdmPlatform.Hosting;

namespace IdmPlatform.AppHost;

/// <summary>The platform's resources and how they refer to each other; Program and the end-to-end tests share it.</summary>
public static class PlatformModel
{
    /// <summary>The gateway's port unless --gateway-port / IDM_GATEWAY_PORT or randomised ports say otherwise.</summary>
    public const int GatewayPort = 8080;

    /// <summary>Adds every resource; returns the API keys the gateway was configured with (created on the first start).</summary>
    public static PlatformKeys AddPlatform(IDistributedApplicationBuilder builder)
    {
        var keys = PlatformKeys.LoadOrCreate(builder.DataDirectory);

        var postgres = builder.AddPostgres("postgres");
        var ingestionDb = postgres.AddDatabase("ingestiondb");
        var catalogueDb = postgres.AddDatabase("cataloguedb");
        var searchDb = postgres.AddDatabase("searchdb");
        var notificationsDb = postgres.AddDatabase("notificationsdb");
        var redis = builder.AddRedis("redis");
        var eventbus = builder.AddRabbitMQ("eventbus");

        var ingestion = builder.AddProject("ingestion", "src/Ingestion/IdmPlatform.Ingestion.csproj")
            .WithReference(ingestionDb).WithReference(redis).WithReference(eventbus)
            .WaitFor(ingestionDb).WaitFor(redis).WaitFor(eventbus)
            .WithHttpHealthCheck("/health");

        var catalogue = builder.AddProject("catalogue", "src/Catalogue/IdmPlatform.Catalogue.csproj")
            .WithReference(catalogueDb).WithReference(redis).WithReference(eventbus)
            .WaitFor(catalogueDb).WaitFor(redis).WaitFor(eventbus)
            .WithHttpHealthCheck("/health");

        var search = builder.AddProject("search", "src/Search/IdmPlatform.Search.csproj")
            .WithReference(searchDb).WithReference(redis).WithReference(eventbus)
            .WaitFor(searchDb).WaitFor(redis).WaitFor(eventbus)
            .WithHttpHealthCheck("/health");

        var notifications = builder.AddProject("notifications", "src/Notifications/IdmPlatform.Notifications.csproj")
            .WithReference(notificationsDb).WithReference(redis).WithReference(eventbus)
            // A local deployment delivers webhooks to receivers on this machine.
            .WithEnvironment("Webhooks__AllowPrivateTargets", "true")
            .WaitFor(notificationsDb).WaitFor(redis).WaitFor(eventbus)
            .WithHttpHealthCheck("/health");

        var gateway = builder.AddProject("gateway", "src/Gateway/IdmPlatform.Gateway.csproj")
            .WithHttpEndpoint(port: GatewayPort)
            .WithReference(redis)
            .WithReference(ingestion).WithReference(catalogue).WithReference(search).WithReference(notifications)
            .WaitFor(redis)
            .WaitFor(ingestion).WaitFor(catalogue).WaitFor(search).WaitFor(notifications)
            .WithHttpHealthCheck("/health");

        // The gateway knows the keys only by their hashes.
        foreach (var (index, (role, key)) in keys.ByRole.Index())
        {
            gateway.WithEnvironment($"ApiKeys__Keys__{index}__Name", $"local-{role}")
                .WithEnvironment($"ApiKeys__Keys__{index}__Role", role)
                .WithEnvironment($"ApiKeys__Keys__{index}__Hash", PlatformKeys.Hash(key));
        }

        return keys;
    }
}
