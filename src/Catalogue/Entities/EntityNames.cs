using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Entities;

/// <summary>
/// Finds or creates the entity a name stands for, inside the caller's transaction: ingestion, corrections and merges
/// all name people and organisations, and each must land on the same slug.
/// </summary>
internal static class EntityNames
{
    /// <summary>
    /// Taken alone by a merge and shared by everything that names someone. A name is resolved through the merges when it
    /// is written; resolved while a merge is under way, it would miss the merge's redirect and bring back the entity the
    /// merge deletes. Held to the end of the transaction, as the names written are.
    /// </summary>
    private const long MergeLock = 0x1d3_3e26e;

    public static async Task LockOutNamingAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await LockAsync(transaction, "pg_advisory_xact_lock", cancellationToken);

    private static async Task WaitForMergesAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await LockAsync(transaction, "pg_advisory_xact_lock_shared", cancellationToken);

    private static async Task LockAsync(NpgsqlTransaction transaction, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(@key)", transaction.Connection, transaction);
        command.Parameters.AddWithValue("key", MergeLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<string> OrganisationAsync(NpgsqlTransaction transaction, string name, string? acronym, CancellationToken cancellationToken)
    {
        await WaitForMergesAsync(transaction, cancellationToken);
        var slug = Slugs.From(acronym ?? name);
        // An organisation known by this name, or by this acronym, is that one, whichever its slug came from: an editor
        // writes "International Organization for Migration" for the IOM kept as "iom". A name whose slug an editor
        // merged into another organisation is that one now: the old slug stays redirected.
        await using var command = new NpgsqlCommand(
            """
            WITH known AS (
                SELECT slug FROM organisations
                WHERE lower(name) = lower(@name) OR lower(acronym) = lower(COALESCE(@acronym, @name))
                ORDER BY lower(name) = lower(@name) DESC, slug LIMIT 1)
            INSERT INTO organisations (slug, name, acronym)
            VALUES (COALESCE((SELECT slug FROM known), (SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'organisation' AND m.slug = @slug), @slug), @name, @acronym)
            ON CONFLICT (slug) DO UPDATE SET acronym = COALESCE(organisations.acronym, EXCLUDED.acronym),
                name = CASE WHEN organisations.name = organisations.acronym THEN EXCLUDED.name ELSE organisations.name END
            RETURNING slug
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("acronym", (object?)acronym ?? DBNull.Value);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<string> PersonAsync(NpgsqlTransaction transaction, string name, string? role, string? organisationSlug, CancellationToken cancellationToken)
    {
        await WaitForMergesAsync(transaction, cancellationToken);
        var slug = Slugs.From(name);
        // Likewise a person merged into another: their name, seen again, is the other's.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO people (slug, name, role, organisation_slug) VALUES (COALESCE((SELECT m.into_slug FROM entity_merges m WHERE m.entity_kind = 'person' AND m.slug = @slug), @slug), @name, @role, @organisation)
            ON CONFLICT (slug) DO UPDATE SET role = COALESCE(EXCLUDED.role, people.role),
                organisation_slug = COALESCE(EXCLUDED.organisation_slug, people.organisation_slug)
            RETURNING slug
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("role", (object?)role ?? DBNull.Value);
        command.Parameters.AddWithValue("organisation", (object?)organisationSlug ?? DBNull.Value);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task EventAsync(NpgsqlTransaction transaction, EventRef e, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO events (slug, name, starts_on, ends_on) VALUES (@slug, @name, @starts, @ends)
            ON CONFLICT (slug) DO UPDATE SET starts_on = COALESCE(events.starts_on, EXCLUDED.starts_on),
                ends_on = COALESCE(events.ends_on, EXCLUDED.ends_on)
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("slug", e.Slug);
        command.Parameters.AddWithValue("name", e.Name);
        command.Parameters.AddWithValue("starts", (object?)e.StartsOn ?? DBNull.Value);
        command.Parameters.AddWithValue("ends", (object?)e.EndsOn ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
