using IdmPlatform.Hosting;

namespace IdmPlatform.AppHost;

/// <summary>The platform's resources and how they refer to each other; Program and the end-to-end tests share it.</summary>
public static class PlatformModel
{
    /// <summary>The gateway's port unless --gateway-port / IDM_GATEWAY_PORT or randomised ports say otherwise.</summary>
    public const int GatewayPort = 8080;

    public static void AddPlatform(IDistributedApplicationBuilder builder)
    {
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
            .WaitFor(notificationsDb).WaitFor(redis).WaitFor(eventbus)
            .WithHttpHealthCheck("/health");

        builder.AddProject("gateway", "src/Gateway/IdmPlatform.Gateway.csproj")
            .WithHttpEndpoint(port: GatewayPort)
            .WithReference(redis)
            .WithReference(ingestion).WithReference(catalogue).WithReference(search).WithReference(notifications)
            .WaitFor(redis)
            .WaitFor(ingestion).WaitFor(catalogue).WaitFor(search).WaitFor(notifications)
            .WithHttpHealthCheck("/health");
    }
}
