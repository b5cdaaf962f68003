using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>RabbitMQ from Debian's package as an executable resource (Aspire's AddRabbitMQ needs a container runtime).</summary>
public sealed class RabbitMQExecutableResource(string name, string dataDirectory)
    : ExecutableResource(name, "bash", dataDirectory), IResourceWithConnectionString
{
    public EndpointReference PrimaryEndpoint => field ??= new(this, "tcp");

    /// <summary>An AMQP URI with the broker's default user, which RabbitMQ admits from loopback only.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}

public static class RabbitMQExecutableExtensions
{
    /// <summary>
    /// Adds a RabbitMQ broker on loopback with its data in <paramref name="dataDirectory"/>. It is healthy once it
    /// answers an AMQP handshake: its start script returns, and its port opens, well before it can take a connection.
    /// </summary>
    public static IResourceBuilder<RabbitMQExecutableResource> AddRabbitMQExecutable(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var rabbit = new RabbitMQExecutableResource(name, dataDirectory);
        var healthCheck = $"{name}_amqp";
        // The AMQP 0-9-1 protocol header; a ready broker answers with a method frame (type 1, Connection.Start).
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new ProtocolHealthCheck(
            rabbit.PrimaryEndpoint, "AMQP\0\0\u0009\u0001"u8.ToArray(), 7, reply => reply[0] == 1, "No AMQP handshake."), null, null));

        return builder.AddResource(rabbit)
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithArgs(ServerScripts.PathOf("rabbitmq.sh"), dataDirectory)
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = rabbit.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                // A node name stable for one data directory keeps its data (mnesia) from one start to the next, and
                // differs between directories, so two platforms (two test runs, two checkouts) never claim the same node.
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = $"{name}-{NodeSuffix(dataDirectory)}@localhost";
                // Without it the distribution port is the AMQP port + 20000, which can pass 65535.
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = ServerScripts.FreePort().ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["ERL_EPMD_PORT"] = ServerScripts.FreePort().ToString(CultureInfo.InvariantCulture);
            })
            .WithHealthCheck(healthCheck);
    }

    private static string NodeSuffix(string dataDirectory) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..12];
}
