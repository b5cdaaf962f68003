using IdmPlatform.AppHost;
using IdmPlatform.Hosting;

// The platform: PostgreSQL with one database per service, Redis, RabbitMQ, a mail catcher, four services and the gateway.
var builder = DistributedApplication.CreateBuilder(args);
var data = PlatformData.From(builder);

var postgres = builder.AddPostgresExecutable("postgres", data.PathOf("postgres"), data.Durable);
var ingestionDb = postgres.AddDatabase("ingestiondb");
var catalogueDb = postgres.AddDatabase("cataloguedb");
var notificationsDb = postgres.AddDatabase("notificationsdb");
var redis = builder.AddRedisExecutable("redis", data.PathOf("redis"), data.Durable);
var eventbus = builder.AddRabbitMQExecutable("eventbus", data.PathOf("eventbus"));
// Alert mails stop here, one file each in its Maildir (new/), rather than leaving the machine.
var mail = builder.AddMailCatcherExecutable("mail", data.PathOf("mail"));

var ingestion = builder.AddBuiltProject<Projects.IdmPlatform_Ingestion>("ingestion")
    .WithGatewaySigningKey(data)
    .WithReference(ingestionDb).WaitFor(ingestionDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health");

var catalogue = builder.AddBuiltProject<Projects.IdmPlatform_Catalogue>("catalogue")
    .WithGatewaySigningKey(data)
    .WithReference(catalogueDb).WaitFor(catalogueDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health");

// Search keeps its index in process: replicas (search-1, search-2…), each fed by its own queue and built from the
// catalogue's export, all behind the one address the gateway balances over.
var searchReplicas = Enumerable.Range(1, data.SearchReplicas).Select(replica => builder
    .AddBuiltProject<Projects.IdmPlatform_Search>($"search-{replica}")
    .WithEnvironment("OTEL_SERVICE_NAME", "search")
    .WithGatewaySigningKey(data)
    .WithEnvironment("Search__IndexPath", data.PathOf("search-index"))
    .WithReference(catalogue).WaitFor(catalogue)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithHttpHealthCheck("/health")).ToList();

var notifications = builder.AddBuiltProject<Projects.IdmPlatform_Notifications>("notifications")
    .WithGatewaySigningKey(data)
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(redis).WaitFor(redis)
    .WithReference(eventbus).WaitFor(eventbus)
    .WithReference(mail).WaitFor(mail)
    // A local deployment delivers webhooks to receivers on this machine.
    .WithEnvironment("Webhooks__AllowPrivateTargets", "true")
    .WithHttpHealthCheck("/health");

// The gateway starts beside the services rather than after them: its own health covers theirs.
var gateway = builder.AddBuiltProject<Projects.IdmPlatform_Gateway>("gateway", port: data.GatewayPort)
    .WithReference(redis).WaitFor(redis)
    .WithReference(ingestion).WithReference(catalogue).WithReplicasOf("search", searchReplicas).WithReference(notifications)
    .WithEnvironment("RateLimits__PermitLimit", data.RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithGatewaySigningKey(data)
    .WithHttpHealthCheck("/health")
    .WithApiKeys(data.Keys)
    .WithSampleData(data);

searchReplicas.ForEach(replica => replica.WithRebuildCommand(gateway, data));
// The links in alert mails (confirm, unsubscribe) lead to the gateway.
notifications.WithEnvironment("Mail__PublicBaseUrl", gateway.GetEndpoint("http"));

builder.Build().Run();
