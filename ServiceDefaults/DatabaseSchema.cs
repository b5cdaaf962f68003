using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Brings a service's own database to the shape its code expects. Each service embeds idempotent
/// *.sql scripts; they run in name order under an advisory lock so replicas never race.
/// </summary>
public static class DatabaseSchema
{
    public static Task EnsureDatabaseSchemaAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        // The service's own assembly, also when a test host is the entry assembly.
        var assembly = Assembly.Load(app.Services.GetRequiredService<IHostEnvironment>().ApplicationName);
        return EnsureAsync(dataSource, assembly, cancellationToken);
    }

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, Assembly assembly, CancellationToken cancellationToken = default)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return reader.ReadToEnd();
            })
            .Prepend(OutboxExtensions.Schema);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(424242)", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
