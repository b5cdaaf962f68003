using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IdmPlatform.Hosting;

/// <summary>PostgreSQL from Debian's package as an executable resource (Aspire's AddPostgres needs a container runtime).</summary>
public sealed class PostgresExecutableResource(string name, string dataDirectory, string password)
    : ExecutableResource(name, "bash", dataDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public EndpointReference PrimaryEndpoint => field ??= new(this, "tcp");

    /// <summary>The server's connection string, in the form Aspire's PostgreSQL integration gives (no database).</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={password}");

    internal List<PostgresExecutableDatabaseResource> Databases { get; } = [];
}

/// <summary>A database on a <see cref="PostgresExecutableResource"/>, created once its server is ready.</summary>
public sealed class PostgresExecutableDatabaseResource(string name, string databaseName, PostgresExecutableResource parent)
    : Resource(name), IResourceWithParent<PostgresExecutableResource>, IResourceWithConnectionString
{
    public PostgresExecutableResource Parent => parent;

    public string DatabaseName => databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

public static class PostgresExecutableExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server on loopback whose cluster lives in <paramref name="dataDirectory"/> (initialised on the
    /// first start, with a password kept beside it). Throw-away data (tests) turns off fsync and its kin.
    /// </summary>
    public static IResourceBuilder<PostgresExecutableResource> AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, bool durable = true)
    {
        var server = new PostgresExecutableResource(name, dataDirectory, LoadOrCreatePassword(dataDirectory));
        var healthCheck = $"{name}_query";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new QueryCheck(() => server.ConnectionStringExpression, "postgres"), null, null));

        // Once the server answers, create the databases that do not exist yet and tell the dashboard they run.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, ct) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct);
            await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
            await connection.OpenAsync(ct);
            foreach (var database in server.Databases)
            {
                await CreateDatabaseAsync(connection, database.DatabaseName, ct);
                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        });

        List<string> arguments = [ServerScripts.PathOf("postgres.sh"), dataDirectory];
        if (!durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return builder.AddResource(server)
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add(arguments[0]);
                context.Args.Add(arguments[1]);
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var option in arguments.Skip(2))
                {
                    context.Args.Add(option);
                }
            })
            .WithHealthCheck(healthCheck);
    }

    /// <summary>Adds a database, created on the server's first ready moment; it is healthy once a query runs in it.</summary>
    public static IResourceBuilder<PostgresExecutableDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresExecutableResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresExecutableDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        var healthCheck = $"{name}_query";
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new QueryCheck(() => database.ConnectionStringExpression, null), null, null));

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithParentRelationship(server)
            .WithHealthCheck(healthCheck);
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string databaseName, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Kept from an earlier start.
        }
    }

    // The password is written on the first start and read by initdb; the cluster keeps it from then on.
    private static string LoadOrCreatePassword(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "password");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>Opens a connection (no pooling, so a stopped server is noticed) and runs SELECT 1.</summary>
    private sealed class QueryCheck(Func<ReferenceExpression> connectionString, string? database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var value = await connectionString().GetValueAsync(cancellationToken);
                var builder = new NpgsqlConnectionStringBuilder(value) { Pooling = false, Timeout = 5, CommandTimeout = 5 };
                if (database is not null)
                {
                    builder.Database = database;
                }

                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        }
    }
}
