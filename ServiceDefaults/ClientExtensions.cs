using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>What the services add around Aspire's client integrations (Aspire.Npgsql, Aspire.StackExchange.Redis).</summary>
public static class ClientExtensions
{
    /// <summary>
    /// Aspire's PostgreSQL data source (health check, tracing, metrics). A command is traced only inside other work
    /// (a request, a message, a delivery): on its own, the outbox relay's polling twice a second would fill the
    /// dashboard's traces with one-span traces.
    /// </summary>
    public static IHostApplicationBuilder AddDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: data =>
            data.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => Activity.Current is not null)));
        return builder;
    }

    /// <summary>
    /// Aspire's Redis client, connected while the host starts: its first connect is synchronous, and made lazily on
    /// a request it would block thread-pool threads of a small machine. abortConnect=false keeps the client retrying
    /// while Redis restarts.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRedisClient(connectionName, configureOptions: options => options.AbortOnConnectFail = false);
        builder.Services.AddHostedService<RedisConnector>();
        return builder;
    }

    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{name}' (env ConnectionStrings__{name}).");

    private sealed class RedisConnector(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
