using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>redis-server from Debian's package as an executable resource (Aspire's AddRedis needs a container runtime).</summary>
public sealed class RedisExecutableResource(string name, string dataDirectory)
    : ExecutableResource(name, "redis-server", dataDirectory), IResourceWithConnectionString
{
    public EndpointReference PrimaryEndpoint => field ??= new(this, "tcp");

    /// <summary>host:port, as StackExchange.Redis and Aspire's Redis integration read it.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}

public static class RedisExecutableExtensions
{
    /// <summary>
    /// Adds redis-server on loopback with its data in <paramref name="dataDirectory"/>; durable data is an append-only
    /// file kept from one start to the next, throw-away data (tests) is not written at all.
    /// </summary>
    public static IResourceBuilder<RedisExecutableResource> AddRedisExecutable(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, bool durable = true)
    {
        Directory.CreateDirectory(dataDirectory);
        var redis = new RedisExecutableResource(name, dataDirectory);
        var healthCheck = $"{name}_ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new ProtocolHealthCheck(
            redis.PrimaryEndpoint, "PING\r\n"u8.ToArray(), 5, reply => Encoding.ASCII.GetString(reply) == "+PONG", "No PONG."), null, null));

        return builder.AddResource(redis)
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                context.Args.Add("--save");
                context.Args.Add(string.Empty);
                context.Args.Add("--appendonly");
                context.Args.Add(durable ? "yes" : "no");
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheck);
    }
}
