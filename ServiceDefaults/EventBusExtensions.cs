using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The MassTransit bus on RabbitMQ, one way for every service: durable queues named after the service and
/// the consumer, publisher confirms, in-process retries (minutes of them for a database away) and then the
/// consumer's _error queue.
/// </summary>
public static class EventBusExtensions
{
    public const string ConnectionName = "eventbus";

    public static IHostApplicationBuilder AddEventBus(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null, bool outbox = true)
    {
        var broker = new Uri(builder.Configuration.GetRequiredConnectionString(ConnectionName));
        var serviceName = ServiceName(builder);

        builder.Services.AddMassTransit(bus =>
        {
            // Queues carry the service's name: two services consuming one event must not compete for it.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // It would report to MassTransit's servers at start; the platform runs offline as well as on line.
            bus.DisableUsageTelemetry();
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // A database that is away for a while (a restart, a fail-over) is waited out for minutes, so the
                // messages on hand are not moved to the error queue, and their jobs stranded, by a passing outage.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<NpgsqlException>(ex => ex.IsTransient);
                    retry.Intervals(1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000);
                });
                // Anything else gets three quick tries, then the consumer's error queue.
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Ignore<NpgsqlException>(ex => ex.IsTransient);
                    retry.Intervals(200, 1_000, 5_000);
                });
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var user = broker.UserInfo.Split(':', 2);
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), VirtualHost(broker), host =>
                {
                    host.Username(Uri.UnescapeDataString(user[0]));
                    host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty);
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        // Start serving only once the queues and bindings exist: an event published before that is dropped. Stop
        // within seconds also when the broker went first (the orchestrator stops everything at once): a message
        // not acknowledged is redelivered, and the outbox keeps what was not yet published.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StopTimeout = TimeSpan.FromSeconds(5);
        });
        // A service that only listens (search) has no database, so no outbox to relay.
        if (outbox)
        {
            builder.AddOutbox();
        }

        return builder;
    }

    private static string VirtualHost(Uri broker) =>
        broker.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));

    /// <summary>"IdmPlatform.Search" → "search"; the AppHost's OTEL_SERVICE_NAME wins when present.</summary>
    public static string ServiceName(IHostApplicationBuilder builder) =>
        (builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name
            ? name
            : builder.Environment.ApplicationName.Split('.')[^1]).ToLowerInvariant();
}
